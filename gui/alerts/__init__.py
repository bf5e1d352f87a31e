"""Alerts: what the owner is told of without looking (tray, notifications, the window's list)."""
