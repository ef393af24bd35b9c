//! Collecting the journals of a data directory for the history: verified, with verification failures kept apart.
