# ruff: noqa: E501  (course text: one paragraph per line, as the importer writes it)
"""A small imported course, every item still marked generated, for the course editor's tests."""

from __future__ import annotations

IMPORTED = """\
# Imported from an article. Items marked generated were found automatically.
id: canal
title: The Canal
actors:
  - name: Engineers
  - name: Investors
lessons:
  - id: digging
    title: Digging
    paragraphs:
      - "Work began on May 4, 1904. A lock is a chamber with gates at each end. Engineers argued that locks were cheaper. The canal opened on August 15, 1914."
  - id: money
    title: Money
    paragraphs:
      - "Investors argued that the project had been run dishonestly. The French company went bankrupt in 1889. Ships sailed around Cape Horn."
concepts:
  - id: concept:lock
    lesson: digging
    term: lock
    definition: A chamber with gates at each end.
    quote: A lock is a chamber with gates at each end.
    generated: true
  - id: concept:cape-horn
    lesson: money
    term: Cape Horn
    quote: Ships sailed around Cape Horn.
    generated: true
events:
  - id: event:work-began
    lesson: digging
    title: Work began
    date: "1904-05-04"
    quote: Work began on May 4, 1904.
    generated: true
  - id: event:canal-opened
    lesson: digging
    title: The canal opened
    date: "1914-08-15"
    quote: The canal opened on August 15, 1914.
    generated: true
  - id: event:company-bankrupt
    lesson: money
    title: The French company went bankrupt
    date: "1889"
    quote: The French company went bankrupt in 1889.
    generated: true
claims:
  - id: claim:locks-cheaper
    lesson: digging
    actor: Engineers
    statement: Locks were cheaper.
    quote: Engineers argued that locks were cheaper.
    generated: true
  - id: claim:run-dishonestly
    lesson: money
    actor: Investors
    statement: The project had been run dishonestly.
    quote: Investors argued that the project had been run dishonestly.
    generated: true
"""
