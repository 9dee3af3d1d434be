#!/usr/bin/env python3
"""Writes the component and the classic template from their parts and install.sh.

Run after editing install.sh or a part; TemplatesTest fails when the committed templates are stale.
"""
import pathlib

here = pathlib.Path(__file__).resolve().parent
parts = here / "template-parts"
install = (here / "install.sh").read_text()
inlined = "".join(("      " + line) if line.strip() else "\n" for line in install.splitlines(keepends=True))


def render(names, image):
    text = "".join((parts / n).read_text() for n in names)
    return text.replace("@@INSTALL@@\n", inlined).replace("@@IMAGE@@", image)


(here / "templates" / "machinist" / "template.yml").write_text(
    render(["component-spec.yml", "component-variables.yml", "common.yml", "component-check.yml"],
           "$[[ inputs.image ]]:$[[ inputs.version ]]"))
(here / "Machinist.gitlab-ci.yml").write_text(
    render(["classic-header.yml", "classic-variables.yml", "common.yml", "classic-check.yml"],
           "${MACHINIST_IMAGE}:${MACHINIST_VERSION}"))
