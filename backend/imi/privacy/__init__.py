"""Data protection (Regulation (EU) No 1024/2012, Art. 13 and 14; GDPR Art. 15).

`rules` decides when an exchange's personal data is blocked and deleted (pure); `job` takes those steps
(`imi privacy run`, daily in the server); `audit` writes the audit log of every read of personal data and every
change, hash-chained (`chain`) and guarded by database triggers (`guard`), checked by `verify`; `log` reads it
for coordinators and local data administrators (`access`); `export` gathers everything held about a data subject.
"""
