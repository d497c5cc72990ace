"""The community directory: HSDS 3.0 / Open Referral UK data, import, publish and search."""
