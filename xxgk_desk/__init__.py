"""xxgk-desk: review Chinese universities' annual information-disclosure reports offline."""

__version__ = "0.1.0"
