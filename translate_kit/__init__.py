"""translate-kit: offline, glossary-constrained Indonesian→English translation and translation checking."""

__version__ = "0.1.0"
