"""The commented scaffold that ``crisisdrill new NAME`` writes."""

from __future__ import annotations

import re
import shlex
import unicodedata

_SCAFFOLD = """\
# yaml-language-server: $schema=schema.json
# A new crisisdrill scenario. Every text the trainee sees is written once per
# language listed in meta.languages. Times are simulated minutes from the start.
# Check it with:  crisisdrill validate {file}
# See its phases: crisisdrill diagram {file}
# Prove it teaches: crisisdrill check {file}   (lint, and the bots must rank as expected)
format: 1

meta:
  id: {id}                      # stable id: lower-case letters, digits, - or _
  title: {{es: "{title}", en: "{title}"}}
  summary:
    es: Resume en dos frases qué pasa y qué se practica.
    en: Say in two sentences what happens and what is practised.
  difficulty: introductory      # introductory | intermediate | hard
  duration_minutes: 30
  languages: [es, en]
  brand:
    name: Mi Marca
    handle: "@mimarca"          # quote handles: @ cannot start a plain YAML value
    sector: {{es: cafetería, en: coffee shop}}
  house_rules:                  # the community rules that warnings and bans cite (C4)
    - {{es: No se permiten insultos., en: Insults are not allowed.}}
    - {{es: No publiques datos personales., en: Do not post personal data.}}
  goals:
    - {{es: Responde a cada queja a tiempo., en: Answer every complaint in time.}}

channels:                       # where people write; private = direct messages
  - id: chirp
    name: {{es: Chirp, en: Chirp}}
    visibility: public
    expected_response_minutes: 15
    audience_weight: 1.0
  - id: dm
    name: {{es: Mensajes directos, en: Direct messages}}
    visibility: private
    expected_response_minutes: 60

facts:                          # honesty is judged against these
  - id: late-delivery
    statement: {{es: Los pedidos de ayer salieron tarde., en: Yesterday's orders left late.}}
    truth: true                 # true | false | unknown
    brand_at_fault: true
  - id: cause
    statement: {{es: El almacén se quedó sin personal., en: The warehouse was short-staffed.}}
    truth: true
    brand_at_fault: true
    revealed_at_minute: 10      # unknown to the brand until then

personas:                       # Faker makes the individuals: names, handles, cities
  - id: customer
    archetype: upset_customer   # customer, upset_customer, foreign_customer, troll,
                                # fan, influencer, journalist, employee
    locales: {{es_ES: 3, es_MX: 1}}
    followers: {{min: 20, max: 2000}}
    patience_minutes: 15        # waits this long for an answer before reacting
    temper: 0.6                 # 0 placid .. 1 explosive

placeholders:                   # your own {{names}}, one value drawn per post
  product:
    - {{es: la tarta, en: the cake}}
    - {{es: el café, en: the coffee}}

phases:                         # the first one is where every session starts
  - id: calm
    name: {{es: Calma, en: Calm}}
    crowd_per_minute: 0.2
  - id: escalating
    name: {{es: Escalada, en: Escalating}}
    crowd_per_minute: 1
  - id: resolved
    name: {{es: Resuelta, en: Resolved}}
    final: good
  - id: meltdown
    name: {{es: Descontrol, en: Meltdown}}
    final: bad

transitions:                    # conditions on metrics, time and facts; never code
  - from: calm
    to: escalating
    when: {{metric: unanswered, at_least: 2}}
  - from: [calm, escalating]
    to: resolved
    when:                       # a statement, nobody left waiting, and time to calm down
      all:
        - {{metric: statements, at_least: 1}}
        - {{metric: unanswered, at_most: 1}}
        - {{after_minute: 15}}
  - from: escalating
    to: meltdown
    when:
      any:
        - {{metric: negative_reach, above: 20000}}
        - {{metric: oldest_unanswered_minutes, at_least: 20}}

injects:                        # scripted posts, at a minute or when a condition holds
  - id: first-complaint
    at_minute: 1
    channel: chirp
    persona: customer
    tone: negative              # positive | neutral | negative | abusive
    text:                       # variants: one is drawn per session
      - es: "{{brand_handle}} mi pedido de {{product}} aún no ha llegado. ¿Qué pasa?"
        en: "{{brand_handle}} my order of {{product}} still hasn't arrived. What's going on?"
    facts: [late-delivery]
    replies:
      good:
        - es: "Lo sentimos mucho, {{first_name}}. Fue un fallo nuestro; te escribimos por privado."
          en: "We're very sorry, {{first_name}}. It was our mistake; we'll message you privately."
      bad:
        - text: {{es: "Consulta nuestra web.", en: "Check our website."}}
          breaks: P4
  - id: why-question            # appears once the brand knows the cause (see facts)
    at_minute: 12
    channel: chirp
    persona: customer
    tone: neutral
    text:
      - es: "{{brand_handle}} ¿y por qué se están retrasando tanto los pedidos?"
        en: "{{brand_handle}} so why are the orders so late?"
    facts: [cause]
    replies:
      good:
        - es: >-
            Gracias por preguntar, {{first_name}}. Nos faltó personal en el almacén
            y es culpa nuestra; ya hemos reforzado el turno.
          en: >-
            Thanks for asking, {{first_name}}. Our warehouse was short-staffed and
            that is on us; we have already added staff to the shift.

crowd:                          # background posts, weighted by phase
  - id: waiting
    persona: customer
    channels: [chirp]
    tone: negative
    weights: {{calm: 1, escalating: 3}}
    text:                       # placeholders vary each post; lint asks for enough variety
      - es: "¿Alguien más sigue esperando su pedido?"
        en: "Anyone else still waiting for their order?"
      - es: "Desde {{city}}: yo también espero {{product}} desde ayer."
        en: "From {{city}}: I've been waiting for {{product}} since yesterday too."
      - es: "Pedí {{product}} a {{brand}} y nada. ¿Es normal?"
        en: "I ordered {{product}} from {{brand}} and nothing. Is that normal?"

reactions:                      # how people answer what the trainee does; first match wins
  # The reading of a reply comes first: the same words pasted to people who asked
  # about other things, or a language they do not read, calm nobody.
  - id: canned-reply-noticed
    archetypes: [upset_customer]
    trigger: replied
    verdicts_any: [canned]      # canned, generic, wrong_language, misplaced, stuffed...
    then:
      mood: -0.4
      audience: -0.15
      post:
        channel: same
        tone: negative
        text:
          - es: "¿Respuesta automática? {{brand}} contesta lo mismo a todo el mundo."
            en: "An automatic reply? {{brand}} tells everyone the same thing."
  - id: generic-reply-brushed-off
    archetypes: [upset_customer]
    trigger: replied
    verdicts_any: [generic, stuffed, wrong_language]
    then:
      mood: -0.3
      audience: -0.1
      post:
        channel: same
        tone: negative
        text:
          - es: "Eso no contesta a lo que he preguntado."
            en: "That doesn't answer what I asked."
  - id: answer-calms
    archetypes: [upset_customer]
    trigger: replied
    cues_any: [apology, acknowledgement]
    then:
      mood: 0.4
      audience: 0.1
  - id: ignored-complaint
    archetypes: [upset_customer]
    trigger: ignored            # after their patience runs out
    then:
      mood: -0.3
      audience: -0.1
      post:
        channel: same
        tone: negative
        text:
          - {{es: "Sigo sin respuesta de {{brand}}.", en: "Still no answer from {{brand}}."}}

scoring:
  weights: {{speed: 1, empathy: 1, channel: 1, honesty: 1, containment: 1}}
  statement:
    requires: [apology, cause, fix, prevention]
"""


def scenario_id_from_name(name: str) -> str:
    """Make a scenario id from a free name: ``Mi crisis 2`` becomes ``mi-crisis-2``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = f"scenario-{slug}".rstrip("-")
    return slug[:64]


def scaffold_text(name: str, file_name: str) -> str:
    """The scaffold for a scenario called ``name``, saved as ``file_name``."""
    # The title lands in a double-quoted YAML string and is a scenario text, where a
    # brace would start a placeholder.
    title = " ".join(name.split()).replace('"', "'").replace("\\", "/")
    title = title.replace("{", "{{").replace("}", "}}")
    # The comments show commands to paste into a shell: quote names with spaces.
    command_name = shlex.quote(file_name)
    return _SCAFFOLD.format(id=scenario_id_from_name(name), title=title, file=command_name)
