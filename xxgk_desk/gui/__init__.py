"""The Qt window: views and models over the core."""

from xxgk_desk.gui.qt_compat import guard_singleton_refcounts

guard_singleton_refcounts()
