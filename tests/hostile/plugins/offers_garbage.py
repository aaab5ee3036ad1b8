"""An entry point that offers a dictionary instead of rules."""

RULES = {"HOST-09": "not a rule"}
