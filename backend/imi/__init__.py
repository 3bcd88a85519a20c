"""IMI: an open Internal Market Information System."""
