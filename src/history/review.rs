//! Reading a run back from its journal alone: steps with actual vs estimated times, deviations, notes, rollback.
