"""The Qt-free core: reading, outline, rules, engine, store and export. Never imports Qt."""
