"""The window's views: outline, text, page, panels, find bar and dialogs."""
