"""The version of Zhanggui, one place for the package, the About dialog and crash reports."""

VERSION = "0.1.0"
