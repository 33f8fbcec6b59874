"""Learned source dependence between outlets (SPEC §17), after Dong, Berti-Equille and Srivastava
(VLDB 2009): pure functions here, the job in claims/services/dependence*.py, the method in
docs/scoring.md."""
