"""The catalogue workspace: sale events, products as a grid of pictures or a list, picks."""
