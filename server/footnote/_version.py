"""The package version, in a module of its own so that importing it runs nothing else."""

__version__ = "0.1.0"
