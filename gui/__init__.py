"""The desktop interface: PySide6 widgets that reach the shop's data through models' services."""
