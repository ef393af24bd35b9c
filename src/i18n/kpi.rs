//! Words of the KPI tables (`pasos kpi`), in Spanish and English.
