"""Changed authorities await the search indexer: `Authority.search_pending` is set in the transaction of each
change, and `committed()` wakes this process's indexer once that transaction has committed."""

from imi.wakeup import WakeUp

_authorities = WakeUp()
committed = _authorities.committed
listen = _authorities.listen
