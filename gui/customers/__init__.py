"""The customers workspace: who belongs to which store, and what public-domain traffic made up."""
