"""Loads the demo's content from the TOML files in ``forum/demo/data/``, strictly.

A data module (``corpus``, ``people``...) declares each of its names with a type and no value,
then calls ``load_into(__name__, "people.toml")``: every declared name is read from the file's
key of the same name in lower case (``FEMALE_FIRST_NAMES`` from ``female_first_names``), built
into the declared type, and set on the module. The files are read through ``importlib.resources``,
so they load the same from a checkout and from an installed wheel.

Strict on purpose: a typo in a data file must fail at import, not give a demo with a silently
missing sentence. ``DataError`` names the file and the entry (``catalogue.toml: equipment[3].days``)
when a key is unknown, a required one is missing, or a value has the wrong type.

Types understood: ``str``, ``int``, ``float`` (an integer is accepted), ``bool``;
``tuple[X, ...]``, ``list[X]`` and ``frozenset[X]`` from an array, ``tuple[X, Y]`` from an array of that length;
``dict[str, X]`` and ``dict[int, X]`` (keys written as strings) from a table, in the file's order;
dataclasses, ``NamedTuple`` and ``TypedDict`` classes from a table of their fields, where a field
with a default may be left out. TOML has no null: for a type ``X | None``, leave the field out, or
write the string ``"none"`` inside an array (``deposits = ["none", 50]``).
"""

from __future__ import annotations

import sys
import tomllib
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from importlib import resources

DATA_PACKAGE = "forum.demo"
DATA_FOLDER = "data"
NONE = "none"  # stands for None where the type allows it: TOML has no null


class DataError(ValueError):
    """A demo data file does not match the types that describe it."""


def read_data(file_name: str) -> dict[str, object]:
    """The TOML table of ``forum/demo/data/<file_name>``."""
    text = resources.files(DATA_PACKAGE).joinpath(DATA_FOLDER).joinpath(file_name).read_text("utf-8")
    return parse_data(text, file_name)


def parse_data(text: str, where: str) -> dict[str, object]:
    """The TOML table of ``text``; ``DataError`` naming ``where`` if it is not valid TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{where}: {error}") from None


def load_into(module_name: str, file_name: str) -> None:
    """Set every name the module ``module_name`` declares (annotated, with no value) from ``file_name``."""
    fill_module(sys.modules[module_name], read_data(file_name), file_name)


def fill_module(module: types.ModuleType, table: dict[str, object], where: str) -> None:
    """Set the names ``module`` declares without a value from ``table`` (keys in lower case)."""
    declared = {name: kind for name, kind in typing.get_type_hints(module).items() if not hasattr(module, name)}
    keys = {name.lower(): name for name in declared}
    values = build_table(table, {key: declared[name] for key, name in keys.items()}, set(), where)
    for key, value in values.items():
        setattr(module, keys[key], value)


def build(kind: object, raw: object, where: str) -> object:
    """``raw`` (from TOML) as a value of the type ``kind``; ``DataError`` naming ``where`` otherwise."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _optional(args, raw, where)
    if origin is tuple:
        return _tuple(args, raw, where)
    if origin in (list, frozenset):
        return origin(_tuple((args[0], ...), raw, where))
    if origin is dict:
        return _dict(args, raw, where)
    if isinstance(kind, type):
        if is_dataclass(kind):
            defaults = {field.name for field in fields(kind)
                        if field.default is not MISSING or field.default_factory is not MISSING}
            return kind(**build_table(raw, typing.get_type_hints(kind), defaults, where))
        if issubclass(kind, tuple) and hasattr(kind, "_fields"):  # a NamedTuple
            return kind(**build_table(raw, typing.get_type_hints(kind), set(kind._field_defaults), where))
        if typing.is_typeddict(kind):
            optional = set(kind.__optional_keys__)
            return dict(build_table(raw, typing.get_type_hints(kind), optional, where))
        return _scalar(kind, raw, where)
    raise DataError(f"{where}: the loader does not know the type {kind!r}")


def build_table(raw: object, hints: dict[str, object], optional: set[str], where: str) -> dict[str, object]:
    """The fields of a table, each built into its type: none unknown, none missing but ``optional``
    ones (and those whose type allows None: they are None when left out)."""
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a table is expected, not {_short(raw)}")
    unknown = [key for key in raw if key not in hints]
    missing = [name for name in hints if name not in raw and name not in optional and not _allows_none(hints[name])]
    if unknown or missing:
        problems = ([f"unknown key(s) {', '.join(unknown)}"] if unknown else []) + (
            [f"missing key(s) {', '.join(missing)}"] if missing else [])
        raise DataError(f"{where}: " + "; ".join(problems))
    built = {name: build(hints[name], raw[name], _join(where, name)) for name in hints if name in raw}
    built.update({name: None for name in hints if name not in raw and name not in optional})
    return built


def _optional(args: tuple, raw: object, where: str) -> object:
    others = [arg for arg in args if arg is not type(None)]
    if len(others) != 1 or len(args) != 2:
        raise DataError(f"{where}: only ``X | None`` unions are supported")
    if raw == NONE and others[0] is not str:
        return None
    return build(others[0], raw, where)


def _tuple(args: tuple, raw: object, where: str) -> tuple:
    if not isinstance(raw, list):
        raise DataError(f"{where}: an array is expected, not {_short(raw)}")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(build(args[0], item, f"{where}[{index}]") for index, item in enumerate(raw, start=1))
    if len(raw) != len(args):
        raise DataError(f"{where}: an array of {len(args)} values is expected, not {len(raw)}")
    return tuple(build(arg, item, f"{where}[{index}]") for index, (arg, item) in enumerate(zip(args, raw), start=1))


def _dict(args: tuple, raw: object, where: str) -> dict:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a table is expected, not {_short(raw)}")
    key_kind, value_kind = args
    built = {}
    for key, value in raw.items():
        if key_kind is int:
            try:
                typed_key: object = int(key)
            except ValueError:
                raise DataError(f"{_join(where, key)}: an integer key is expected") from None
        elif key_kind is str:
            typed_key = key
        else:
            raise DataError(f"{where}: keys of type {key_kind!r} are not supported")
        built[typed_key] = build(value_kind, value, _join(where, key))
    return built


def _scalar(kind: type, raw: object, where: str) -> object:
    if kind is float and isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    if kind in (str, int, float, bool) and type(raw) is kind:
        return raw
    raise DataError(f"{where}: {kind.__name__} expected, not {_short(raw)}")


def _allows_none(kind: object) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and type(None) in typing.get_args(kind)


def _join(where: str, key: str) -> str:
    if where.endswith(".toml"):
        return f"{where}: {key}"
    return f"{where}.{key}" if key.isidentifier() or key.replace("-", "_").isidentifier() else f'{where}["{key}"]'


def _short(raw: object) -> str:
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."
