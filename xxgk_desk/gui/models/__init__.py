"""Item models over core objects (each passes qtmodeltester)."""
