"""风险辨识评估 use cases: risk points, their hazards (危险源) with control measures and evaluations,
copying a risk point, the hazard list, and levels by risk point, post and area. One concept per module."""
