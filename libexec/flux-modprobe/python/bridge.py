"""
flux-modprobe's bridge to Python rc drop-ins (SPEC 10).

An rcN.d/*.py file in the original's format (functions decorated with
@task(...) from flux.modprobe, an optional setup(context)) is imported with a
stand-in flux.modprobe module whose task decorator records each task's
keywords. The real flux package, when this Python has one, is used for
everything else (handles, subprocess helpers).

  describe FILE          prints {"tasks": [...], "setup": LINE|null} or
                         {"error": {"line": N, "message": M}} as JSON
  setup FILE             runs setup(context); what it asks for becomes
                         directive lines in $FLUX_MODPROBE_OUTPUT
  run FILE FUNCTION      runs a task function with a context like the
                         original's; an exception fails it, its message in
                         $FLUX_MODPROBE_ERROR

Exit status: 0 done, 1 the drop-in failed (message written), 2 a usage error.
"""

import importlib.util
import json
import os
import subprocess
import sys
import traceback
import types

# never write __pycache__ next to a drop-in (/etc/flux/modprobe/rc1.d is not ours to write)
sys.dont_write_bytecode = True


def standin():
    """Install the stand-in flux.modprobe; return the list its @task fills."""
    tasks = []

    def task(name, **kwargs):
        if not isinstance(name, str):
            raise ValueError('task missing required name argument: @task("name")')
        line = sys._getframe(1).f_lineno

        def record(func):
            tasks.append(
                {"name": name, "function": func.__name__, "line": line, "keywords": kwargs}
            )
            return func

        return record

    module = types.ModuleType("flux.modprobe")
    module.task = task
    module.__file__ = __file__
    if "flux" not in sys.modules:
        try:
            import flux  # noqa: F401  (the real package, when this Python has it)
        except ImportError:
            package = types.ModuleType("flux")
            package.__path__ = []
            sys.modules["flux"] = package
    sys.modules["flux.modprobe"] = module
    sys.modules["flux"].modprobe = module
    return tasks


def load(path):
    """Import PATH with the stand-in; returns (module, tasks)."""
    tasks = standin()
    name = "flux_modprobe_dropin_" + "".join(c if c.isalnum() else "_" for c in path)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, tasks


def failure(path, exc):
    """(line, message) of an exception raised while importing or running PATH."""
    line = 0
    if isinstance(exc, SyntaxError) and exc.filename == path:
        line = exc.lineno or 0
        message = f"SyntaxError: {exc.msg}"
    else:
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename == path:
                line = frame.lineno or line
        message = f"{type(exc).__name__}: {exc}"
    return line, message


def describe(path):
    try:
        module, tasks = load(path)
        setup = getattr(module, "setup", None)
        line = setup.__code__.co_firstlineno if callable(setup) and hasattr(setup, "__code__") else None
        out = {"tasks": tasks, "setup": line}
        text = json.dumps(out)
    except Exception as exc:  # noqa: BLE001  (any import failure is reported, never raised)
        line, message = failure(path, exc)
        text = json.dumps({"error": {"line": line, "message": message}})
    print(text)
    return 0


def data_variable(key):
    return "FLUX_MODPROBE_DATA_" + key.upper().replace("-", "_").replace(".", "_")


class Future:
    """What context.rpc returns without a Flux handle: .get() gives the answer."""

    def __init__(self, answer):
        self.answer = answer

    def get(self):
        return self.answer


class Context:
    """The original's task context: broker facts, shared data, module options."""

    def __init__(self):
        self._handle = None
        self._data = {}
        self.verbose = os.environ.get("FLUX_MODPROBE_VERBOSE") == "1"

    def _directive(self, line):
        output = os.environ.get("FLUX_MODPROBE_OUTPUT")
        if not output:
            raise RuntimeError("FLUX_MODPROBE_OUTPUT is not set: run by flux-modprobe only")
        with open(output, "a") as f:
            f.write(line + "\n")

    def print(self, *args):
        if self.verbose:
            print(*args, file=sys.stderr)

    @property
    def handle(self):
        if self._handle is None:
            import flux

            if not hasattr(flux, "Flux"):
                raise RuntimeError("context.handle needs the Flux Python (flux python)")
            self._handle = flux.Flux()
        return self._handle

    def _has_handle(self):
        try:
            import flux

            return hasattr(flux, "Flux") and "FLUX_URI" in os.environ
        except ImportError:
            return False

    @property
    def rank(self):
        return int(os.environ.get("FLUX_MODPROBE_RANK", "0"))

    def _flux(self, *argv):
        p = subprocess.run(["flux", *argv], capture_output=True, text=True)
        return p.stdout if p.returncode == 0 else None

    def attr_get(self, attr, default=None):
        if self._has_handle():
            try:
                return self.handle.attr_get(attr)
            except OSError:
                return default
        value = self._flux("getattr", attr)
        return default if value is None else value.rstrip("\n")

    def conf_get(self, key, default=None):
        if self._has_handle():
            return self.handle.conf_get(key, default=default)
        value = self._flux("config", "get", "--quiet", key)
        if not value:
            return default
        try:
            return json.loads(value)
        except ValueError:
            return value.rstrip("\n")

    def getenv(self, var, default=None):
        value = os.environ.get(var)
        if value is None and self._has_handle():
            try:
                env = self.handle.rpc("broker.getenv", {"names": [var]}).get()["env"]
                value = env.get(var)
            except (OSError, KeyError, TypeError):
                value = None
        return default if value is None else value

    def setenv(self, name_or_env, value=None):
        env = name_or_env if isinstance(name_or_env, dict) else {name_or_env: value}
        for name, val in env.items():
            if val is not None and not isinstance(val, str):
                raise ValueError(f"{name}: value must be a string or None")
        for name, val in env.items():
            if val is None:
                os.environ.pop(name, None)
                self._directive(f"unsetenv {name}")
            else:
                os.environ[name] = val
                self._directive(f"setenv {name}={val}")

    def rpc(self, topic, payload=None, *args, **kwargs):
        if self._has_handle():
            return self.handle.rpc(topic, payload, *args, **kwargs)
        answer = self._flux("rpc", topic, json.dumps(payload or {}))
        if answer is None:
            raise OSError(f"{topic}: the broker did not answer")
        return Future(json.loads(answer) if answer.strip() else {})

    def bash(self, command):
        process = subprocess.run(["bash", "-c", command])
        if process.returncode > 0:
            raise RuntimeError(f"bash: exited with exit status {process.returncode}")
        if process.returncode < 0:
            raise RuntimeError(f"bash: died by signal {-process.returncode}")

    def set(self, key, value):
        self._data[key] = value
        self._directive(f"set {key}={json.dumps(value)}")

    def get(self, key, default=None):
        if key in self._data:
            return self._data[key]
        text = os.environ.get(data_variable(key))
        if text is None:
            return default
        try:
            return json.loads(text)
        except ValueError:
            return text

    def setopt(self, module, options, overwrite=False):
        verb = "setopt-overwrite" if overwrite else "setopt"
        self._directive(f"{verb} {module} {options}")


class SetupContext(Context):
    """What setup(context) may also ask for: the setup directives of SPEC 3."""

    def load_modules(self, modules):
        if modules:
            self._directive("load " + " ".join(modules))

    def remove_modules(self, modules=None):
        self._directive("remove " + ("all" if modules is None else " ".join(modules)))

    def set_alternative(self, name, alternative):
        self._directive(f"alternative {name}={alternative}")

    def enable(self, name):
        self._directive(f"enable {name}")

    def disable(self, name):
        self._directive(f"disable {name}")


def fail(message):
    error = os.environ.get("FLUX_MODPROBE_ERROR")
    if error:
        with open(error, "w") as f:
            f.write(message)
    else:
        print(message, file=sys.stderr)
    return 1


def setup(path):
    try:
        module, _ = load(path)
        module.setup(SetupContext())
    except Exception as exc:  # noqa: BLE001
        line, message = failure(path, exc)
        return fail(f"{path}:{line}: setup: {message}" if line else f"{path}: setup: {message}")
    return 0


def run(path, function):
    try:
        module, _ = load(path)
        getattr(module, function)(Context())
    except Exception as exc:  # noqa: BLE001
        return fail(str(exc) or type(exc).__name__)
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "describe":
        return describe(argv[2])
    if len(argv) == 3 and argv[1] == "setup":
        return setup(argv[2])
    if len(argv) == 4 and argv[1] == "run":
        return run(argv[2], argv[3])
    print("usage: bridge describe FILE | setup FILE | run FILE FUNCTION", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
