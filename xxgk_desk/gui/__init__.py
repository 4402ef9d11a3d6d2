"""The Qt window: views and models over the core."""
