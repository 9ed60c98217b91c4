"""Kept for the cloud app's importers: the generic Fernet encryption lives in core."""

from allyport.core.encryption import decrypt, encrypt

__all__ = ["decrypt", "encrypt"]
