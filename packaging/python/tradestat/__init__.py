"""tradestat: the SQLite extension for bilateral trade statistics, packaged
for Python's sqlite3 module (the sqlite-vec / sqlean convention).

    import sqlite3, tradestat
    db = sqlite3.connect("trade.db")
    db.enable_load_extension(True)
    tradestat.load(db)
    db.enable_load_extension(False)
"""
import os

__version__ = "@VERSION@"

__all__ = ["load", "loadable_path", "__version__"]


def loadable_path():
    """Path of the bundled loadable extension, without its .so suffix (SQLite
    adds it and derives the entry point sqlite3_tradestat_init from the
    name)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "tradestat")


def load(conn):
    """Loads tradestat into the sqlite3 connection conn.  Extension loading
    must be enabled on conn first (conn.enable_load_extension(True))."""
    if not hasattr(conn, "load_extension"):
        raise RuntimeError(
            "tradestat.load(): this Python's sqlite3 module was built without "
            "extension loading (conn has no load_extension; pyenv builds often "
            "are): use the system Python, e.g. /usr/bin/python3 on Debian")
    conn.load_extension(loadable_path())
