"""Data types shared by every stage.

``records`` holds the frozen records passed between stages (and declares the store's tables
and the export schema through their fields); ``fields`` lays a record out as columns and as
its public object; ``plover`` is the PLOVER vocabulary (``schema/plover.yaml``).
"""
