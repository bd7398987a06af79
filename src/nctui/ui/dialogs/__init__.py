"""Dialogs: small windows over a screen that ask something and close."""
