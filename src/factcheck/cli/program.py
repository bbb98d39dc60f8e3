"""The `factcheck` program: what happens before and after the command line (`factcheck.cli.commands`) runs.

The entry point is this small module rather than commands.py so that Ctrl-C is the program's at once: it
imports only what the interpreter has already loaded, makes Ctrl-C and SIGTERM raise `Interrupted`, and
only then imports Click, Great Expectations and the commands. Whenever the signal comes (while modules
load, while Click reads the command line, while forked workers read files, while a report is written), the
program prints `interrupted` (SIGTERM: `stopped`) and exits 130 (143) with no traceback; every `finally` on
the way has run, so no temporary file stays behind. A signal before the interpreter has run this module
ends the process as the signal does by default, silently.
"""

# `_signal` is the C module under `signal`, which a new interpreter has not loaded; `signal` itself would
# first import `enum`, a few milliseconds of imports during which Ctrl-C gives a traceback.
import _signal
import sys

STOPPED_BY = (_signal.SIGINT, _signal.SIGTERM)


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) or SIGTERM (a CI job cancelled, a timeout), raised where the program is so that it
    unwinds. Not a KeyboardInterrupt, which Click turns into its own "Aborted!" and exit 1 wherever it
    catches one, nor an Exception, which a handler meant for errors would catch."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def message(self) -> str:
        return "stopped" if self.signum == _signal.SIGTERM else "interrupted"


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Run one command, then end the process with its exit code (`process.last_exit_handler`); never returns."""
    leave = None
    try:
        for signum in STOPPED_BY:
            _signal.signal(signum, _raise)
        sys.unraisablehook = _unraisable
        from factcheck.floor import process

        leave = process.last_exit_handler()
        process.collect_only_when_settled()
        code = _command()
    except Interrupted as stop:
        code = _stopped(stop)
    except KeyboardInterrupt:  # raised before the handlers were in place
        code = _stopped(Interrupted(_signal.SIGINT))
    except Exception as error:  # the signal inside a class being made: Python 3.11 wraps it in a RuntimeError
        stop = _within(error)
        if stop is None:
            raise
        code = _stopped(stop)
    if leave is None:  # stopped before the exit handler was in place: exit as Python does
        sys.exit(code)
    leave(code)  # the exit handlers run, the output is flushed, the process ends


def _command() -> int:
    """The command's exit code: the profiler `FACTCHECK_PROFILE` asks for (exit 2 when it cannot be written),
    the command, and the profile written once it is done."""
    import os

    from factcheck.cli.commands import cli
    from factcheck.floor.errors import ConfigError
    from factcheck.pipeline.profiling import Profiler

    try:
        profiler = Profiler.from_environment(os.environ)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        if error.hint:
            print(f"  hint: {error.hint}", file=sys.stderr)
        return 2
    try:
        cli(obj=profiler)
        code = 0
    except SystemExit as done:
        if done.code is None:
            code = 0
        elif isinstance(done.code, int):
            code = done.code
        else:
            print(done.code, file=sys.stderr)  # sys.exit("message"): Python prints the message and exits 1
            code = 1
    if code in (0, 1):  # the command did its work: its profile, if it kept one
        try:
            profiler.write()
        except ConfigError as error:  # checked up front: only a disk that filled up or a folder that went away
            print(f"error: {error}", file=sys.stderr)
            return 2
    return code


def _unraisable(unraisable) -> None:
    """Ctrl-C that lands where Python cannot raise it (a finalizer, a callback of a compiled library) is
    delivered again a moment later, from a timer, so that it lands where it can; anything else is reported as
    Python reports it. (Raising the signal again at once would land in this hook again.)"""
    stop = unraisable.exc_value
    if isinstance(stop, Interrupted) and hasattr(_signal, "setitimer"):
        _signal.signal(_signal.SIGALRM, lambda signum, frame: _raise(stop.signum, frame))
        _signal.setitimer(_signal.ITIMER_REAL, 0.01)
        return
    sys.__unraisablehook__(unraisable)


def _within(error: BaseException) -> Interrupted | None:
    """The `Interrupted` an error was raised from ("Error calling __set_name__" while a module loads), if any."""
    seen = 0
    cause: BaseException | None = error
    while cause is not None and seen < 20:
        if isinstance(cause, Interrupted):
            return cause
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return None


def _stopped(stop: Interrupted) -> int:
    # Ignored from here on: a second Ctrl-C must not cut the message or change the exit code.
    for signum in STOPPED_BY:
        _signal.signal(signum, _signal.SIG_IGN)
    print(stop.message, file=sys.stderr)
    return 128 + stop.signum
