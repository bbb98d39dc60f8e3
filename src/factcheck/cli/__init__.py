"""The command line: the commands (`commands`), what they deliver, `checks`/`explain`, the generated docs,
`init`, `schema`; and the program around them (`program`, the entry point)."""


def main() -> None:
    """The program, as installs made before `factcheck.cli.program` was the entry point still call it."""
    from factcheck.cli.program import main as program

    program()
