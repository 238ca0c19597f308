"""The CLI commands, one module each: a command's options and what it does live together.

``cli.py`` holds the ``patronage`` group, error handling and the registration of
:data:`patronage.cli.COMMANDS`; :mod:`patronage.commands.context` what every command gets from the group.
Command bodies import the heavy stages lazily, so ``patronage --help`` stays fast.
"""
