"""QR posters: drawing them for print, PDF and PNG, and the studio where the owner makes them."""
