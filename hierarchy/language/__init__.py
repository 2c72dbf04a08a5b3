"""Natural-language corrections: free text -> one language motion, or a refusal with a reason.

``skillbridge.hierarchy.language.parser`` is the entry point (``parse``, ``Parser``, ``Refusal``).
This package ``__init__`` stays light: it imports nothing heavy, so that importing a sibling
module never pays for the sentence encoder or torch.
"""
