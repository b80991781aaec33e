"""The PySide6 windows and widgets. Only this package imports Qt."""
