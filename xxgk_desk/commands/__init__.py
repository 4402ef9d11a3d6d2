"""Sub-commands of ``xxgk-desk``: one module each, all thin wrappers over the core."""
