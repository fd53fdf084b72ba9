__title__ = "warlog"
__version__ = "0.1.0"
