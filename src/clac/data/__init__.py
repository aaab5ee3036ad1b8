"""Data files shipped with clac: ``demo.yaml``, the registry behind :func:`clac.demo`, and
``partnership_survey.csv``, a fictional two-round partnership survey of the demo's members
(``clac.testing.fictional_survey(clac.demo(), rounds=[2024-03-01, 2025-03-01])``; see
``docs/survey.md``)."""
