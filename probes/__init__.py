"""Mystery Shopper: a synthetic customer for contact channels."""

__version__ = "0.1.0"
