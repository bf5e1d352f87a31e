"""Small typed functions for one user action each; they return plain dataclasses."""
