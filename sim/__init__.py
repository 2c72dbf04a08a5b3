"""Batched MuJoCo simulation of the Panda: scene, tasks, domain randomization, backends."""
