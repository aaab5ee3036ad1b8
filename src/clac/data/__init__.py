"""Data files shipped with clac: ``demo.yaml``, the registry behind :func:`clac.demo`."""
