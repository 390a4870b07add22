"""Which claims stand, and how strongly: argumentation semantics over an argument map.

The map is read as an abstract argumentation framework (Dung 1995) whose
arguments are the claims *and* the relations:

* a claim is an argument; it is attacked by every attack relation that targets it;
* a relation (premises P, target T) is the argument "P, therefore (not) T".  It
  stands only if all of P stand, so whatever attacks a premise also attacks the
  relation (linked premises act as one argument: one fallen premise and the
  whole reason falls).  An undercut is an attack relation that targets a
  relation: it attacks the inference, not the target claim;
* an attack relation attacks its target (a claim, or for an undercut a relation);
* a rebuttal, an attack on an attacking claim, needs no rule of its own: the
  attacking claim is an argument like any other.

Support relations carry no attacks, so they do not change IN/OUT/UNDEC labels;
they count in the gradual strengths.

Gradual strength (DF-QuAD, Rago et al. 2016; Euler-based, Amgoud & Ben-Naim
2018) starts from each claim's base score (0.5 unless set).  A relation
contributes ``inference × min(strength of its premises)`` to its target, where
``inference`` is the relation judged as an argument of its own: its base is
the relation's weight (1.0 unless set), its undercuts pull it down and its
backings (supports of the relation) push it up, through the DF-QuAD
combination.  So an unchallenged relation of weight w passes on w times its
weakest premise, and an undercut of strength u leaves ``w × (1 − u)``.  The
inference uses DF-QuAD under both semantics because Euler's formula cannot
move a base of 1 at all, so undercuts of a default-weight relation would do
nothing.  Acyclic maps are computed in one pass in dependency order; each
cycle is iterated to :data:`TOLERANCE`, and a cycle that does not settle
within :data:`MAX_ITERATIONS` is reported, never hidden.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import not_
from typing import Any, Literal, NamedTuple

from argmap.compact import MapView
from argmap.errors import ArgmapError
from argmap.graph import strongly_connected
from argmap.heap import gc_paused
from argmap.model import RelationType

Label = Literal["IN", "OUT", "UNDEC"]
Semantics = Literal["grounded", "preferred", "stable", "dfquad", "euler"]
Gradual = Literal["dfquad", "euler"]
Verdict = Literal["holds", "falls", "undecided"]

SEMANTICS: tuple[Semantics, ...] = ("grounded", "preferred", "stable", "dfquad", "euler")
DEFAULT_BASE_SCORE = 0.5
DEFAULT_WEIGHT = 1.0
TOLERANCE = 1e-6
"""A cycle has settled when no strength moved more than this in one round."""
MAX_ITERATIONS = 10_000
"""Rounds of iteration a cycle gets before it is reported as not converging."""
SEARCH_BUDGET = 200_000
"""Partial labellings the preferred/stable search may visit before it gives up with a message."""
MAX_LABELLINGS = 1000
"""Complete labellings the search may collect: beyond that no listing of extensions helps anyone."""
ATTACKING = tuple(kind for kind in RelationType if kind.attacks)
"""The relation types that attack, tested by identity (``in``): the enum's property costs 2 µs a relation."""
MAX_COMPONENT = 20_000
"""Arguments in one strongly connected tangle of attacks beyond which preferred/stable refuse at once."""


# The abstract framework ---------------------------------------------------------------------


@dataclass(frozen=True)
class Framework:
    """Arguments (claim and relation ids) and, for each, the arguments that attack it."""

    arguments: tuple[str, ...]
    attackers: dict[str, frozenset[str]]
    ignored: tuple[str, ...] = ()
    """Relations left out because they name something the map does not hold."""

    def targets(self) -> dict[str, list[str]]:
        """For each argument that attacks something, the arguments it attacks (most of a large map attack nothing)."""
        attacked: dict[str, list[str]] = {}
        for argument, attackers in self.attackers.items():
            for attacker in attackers:
                if attacker in attacked:
                    attacked[attacker].append(argument)
                else:
                    attacked[attacker] = [argument]
        return attacked


def usable_relations(argmap: MapView) -> tuple[list[str], list[str]]:
    """Relations whose premises and target exist (following undercut chains), and the others.

    Linear: a relation onto a claim is settled at once; an undercut chain is
    followed once, and every relation on it gets its verdict on the way back.
    """
    relations, claims = argmap.relations, argmap.claims
    known = claims.__contains__
    verdict: dict[str, bool] = {}
    undercuts: list[str] = []
    for rid, relation in relations.items():
        if relation.target in claims:
            premises = relation.premises
            verdict[rid] = premises[0] in claims if len(premises) == 1 else all(map(known, premises))
        else:
            undercuts.append(rid)
    for rid in undercuts:
        if rid in verdict:
            continue
        chain: list[str] = []
        on_chain: set[str] = set()
        node = rid
        while node in relations and node not in verdict and node not in on_chain:
            chain.append(node)
            on_chain.add(node)
            node = relations[node].target
        ok = verdict.get(node, node in claims)
        for rel in reversed(chain):
            ok = ok and all(map(known, relations[rel].premises))
            verdict[rel] = ok
    good = [rid for rid, ok in verdict.items() if ok]
    good.sort()  # a canonical file lists them sorted already: a pass to check
    bad = sorted(rid for rid, ok in verdict.items() if not ok) if len(good) < len(verdict) else []
    return good, bad


def framework(argmap: MapView, usable: tuple[list[str], list[str]] | None = None) -> Framework:
    """The attack graph of a map, as described in the module docstring (``usable``: :func:`usable_relations`)."""
    good, bad = usable if usable is not None else usable_relations(argmap)
    relations = argmap.relations
    direct: dict[str, list[str]] = {}  # only what is attacked: most claims of a large map are not
    for rid in good:
        relation = relations[rid]
        if relation.type in ATTACKING:
            direct.setdefault(relation.target, []).append(rid)
    nothing: frozenset[str] = frozenset()
    claims = argmap.claims
    attackers = dict.fromkeys(claims, nothing)
    attackers.update((cid, frozenset(rids)) for cid, rids in direct.items() if cid in claims)
    for rid in good:
        premises = relations[rid].premises
        if len(premises) == 1 and rid not in direct:  # the common case: attacked only through its premise
            inherited = direct.get(premises[0])
            attackers[rid] = frozenset(inherited) if inherited else nothing
            continue
        inherited = [*direct.get(rid, ())]
        for premise in premises:
            inherited += direct.get(premise, ())
        attackers[rid] = frozenset(inherited) if inherited else nothing
    return Framework(tuple(sorted(attackers)), attackers, tuple(bad))


def grounded(fw: Framework) -> dict[str, Label]:
    """The grounded labelling: IN when every attacker is OUT, OUT when some attacker is IN, else UNDEC.

    The least fixpoint, built in linear time: start from the unattacked
    arguments and propagate.
    """
    targets = fw.targets()
    nothing: list[str] = []
    pending = {a: len(attackers) for a, attackers in fw.attackers.items() if attackers}
    labels: dict[str, Label] = {}
    queue = [a for a in fw.arguments if a not in pending]
    while queue:
        argument = queue.pop()
        if argument in labels:
            continue
        labels[argument] = "IN"
        for attacked in targets.get(argument, nothing):
            if attacked in labels:
                continue
            labels[attacked] = "OUT"
            for further in targets.get(attacked, nothing):
                pending[further] -= 1
                if pending[further] == 0 and further not in labels:
                    queue.append(further)
    return {a: labels.get(a, "UNDEC") for a in fw.arguments}


def extensions(
    fw: Framework, kind: Literal["preferred", "stable"], ground: dict[str, Label] | None = None
) -> list[dict[str, Label]]:
    """The preferred or stable labellings (each one an extension: its IN arguments).

    Exponential in general.  Every complete labelling agrees with the grounded
    one on its IN and OUT arguments, so only the grounded UNDEC arguments are
    searched: depth-first over IN/OUT/UNDEC (stable: IN/OUT), each choice
    followed by the labels it forces (an IN attacker makes OUT, all attackers
    OUT make IN, an OUT argument with one possible attacker left makes that
    one IN…), backtracking on a contradiction.  Raises :class:`ArgmapError`
    when the search exceeds :data:`SEARCH_BUDGET` steps or finds more than
    :data:`MAX_LABELLINGS` complete labellings.
    """
    ground = ground if ground is not None else grounded(fw)
    return [{**ground, **labelling} for labelling in _open_labellings(fw, kind, ground)]


def _open_labellings(
    fw: Framework, kind: Literal["preferred", "stable"], ground: dict[str, Label]
) -> list[dict[str, Label]]:
    """The labellings of :func:`extensions`, restricted to the grounded UNDEC arguments (the rest is ``ground``).

    Solved strongly connected component by component, attackers first: a
    component's labels depend only on the labels of the components that attack
    it, so each is searched on its own, once for each different labelling of
    its attackers, and a component of one argument (most of any large map) is
    labelled at once.  Complete labellings combine across components; the
    preferred ones are the complete ones with maximal IN sets.
    """
    open_args = [a for a in fw.arguments if ground[a] == "UNDEC"]
    inside = set(open_args)
    attackers = {a: [b for b in fw.attackers[a] if b in inside] for a in open_args}
    targets: dict[str, list[str]] = {a: [] for a in open_args}
    for argument in open_args:
        for attacker in attackers[argument]:
            targets[attacker].append(argument)
    budget = _Budget(kind)
    found: list[dict[str, Label]] = [{}]
    single: list[str] = []  # a run of one-argument components, labelled in one loop per labelling
    for component in reversed(strongly_connected(targets)):  # each component after those attacking it
        if len(component) == 1 and component[0] not in attackers[component[0]]:
            single.append(component[0])
            continue
        found = _label_singles(found, single, attackers, kind)
        single = []
        grown: list[dict[str, Label]] = []
        for partial in found:
            options = _component_labellings(component, attackers, targets, partial, kind, budget)
            if len(options) == 1:
                partial.update(options[0])  # no branching: extend in place, nothing copied
                grown.append(partial)
            else:
                grown.extend({**partial, **option} for option in options)
            budget.count_labellings(len(grown), len(component))
        found = grown
    found = _label_singles(found, single, attackers, kind)
    if kind == "preferred":
        found = _maximal_in(found)
    found.sort(key=lambda lab: sorted(a for a, v in lab.items() if v == "IN"))
    return found


def _label_singles(
    found: list[dict[str, Label]], single: list[str], attackers: dict[str, list[str]], kind: str
) -> list[dict[str, Label]]:
    """Each labelling extended by arguments that are components of their own, in order: their label is forced.

    A stable labelling that would leave one of them UNDEC is dropped.
    """
    if not single:
        return found
    kept = []
    for labelling in found:
        for argument in single:
            seen = [labelling[b] for b in attackers[argument]]
            if "IN" in seen:
                labelling[argument] = "OUT"
            elif "UNDEC" not in seen:
                labelling[argument] = "IN"
            elif kind == "stable":
                break
            else:
                labelling[argument] = "UNDEC"
        else:
            kept.append(labelling)
    return kept


def _component_labellings(
    component: list[str],
    attackers: dict[str, list[str]],
    targets: dict[str, list[str]],
    outside: dict[str, Label],
    kind: Literal["preferred", "stable"],
    budget: _Budget,
) -> list[dict[str, Label]]:
    """The labellings of a component of several arguments (or one attacking itself), given those outside it."""
    if len(component) > MAX_COMPONENT:
        raise ArgmapError(
            f"{kind} semantics: {len(component):,} arguments attack each other in one tangle"
            f" (among them {', '.join(component[:3])}); searching it could take for ever",
            fix="use --semantics grounded, dfquad or euler for this map, or break the circle of objections",
        )
    members = set(component)
    context = {b: outside[b] for a in component for b in attackers[a] if b not in members}
    return _LabellingSearch(component, attackers, targets, context, kind, budget).run()


class _Budget:
    """The work the preferred/stable search may do on one map, shared by all its components."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.steps = 0

    def count_step(self, arguments: int) -> None:
        self.steps += 1
        if self.steps > SEARCH_BUDGET:
            raise ArgmapError(
                f"{self.kind} semantics gave up after {SEARCH_BUDGET:,} steps on {arguments:,} arguments"
                " in cycles (it is exponential in general)",
                fix="use --semantics grounded, dfquad or euler for this map",
            )

    def count_labellings(self, count: int, arguments: int) -> None:
        if count > MAX_LABELLINGS:
            raise ArgmapError(
                f"{self.kind} semantics found more than {MAX_LABELLINGS:,} complete labellings of the"
                f" arguments in cycles (their number is exponential in general)",
                fix="use --semantics grounded, dfquad or euler for this map",
            )


class _Contradiction(Exception):
    """A partial labelling that no complete labelling extends."""


class _LabellingSearch:
    """Complete (or stable) labellings of one component, its outside attackers' labels fixed.

    Depth first over IN/OUT/UNDEC (stable: IN/OUT) with an explicit stack, so a
    component deeper than Python's recursion limit needs no raised limit.
    """

    def __init__(
        self,
        component: list[str],
        attackers: dict[str, list[str]],
        targets: dict[str, list[str]],
        context: dict[str, Label],
        kind: Literal["preferred", "stable"],
        budget: _Budget,
    ) -> None:
        members = set(component)
        self.kind = kind
        self.budget = budget
        self.attackers = {a: attackers[a] for a in component}
        self.targets = {a: [b for b in targets[a] if b in members] for a in component}
        self.order = _attack_order(component, self.targets)
        self.choices: tuple[Label, ...] = ("IN", "OUT") if kind == "stable" else ("IN", "OUT", "UNDEC")
        self.assigned: dict[str, Label] = dict(context)
        self.members = component
        self.trail: list[str] = []
        self.found: list[dict[str, Label]] = []

    def run(self) -> list[dict[str, Label]]:
        """Every labelling of the component; frames are ``[position in order, next choice, trail mark]``."""
        first = self._next_free(0)
        if first == len(self.order):
            self._collect()
            return self.found
        frames = [[first, 0, len(self.trail)]]
        while frames:
            frame = frames[-1]
            index, choice, mark = frame
            self._undo(mark)
            if choice == len(self.choices):
                frames.pop()
                continue
            frame[1] = choice + 1
            self.budget.count_step(len(self.order))
            try:
                self._assign(self.order[index], self.choices[choice])
            except _Contradiction:
                continue
            following = self._next_free(index + 1)
            if following == len(self.order):
                self._collect()
            else:
                frames.append([following, 0, len(self.trail)])
        return self.found

    def _next_free(self, index: int) -> int:
        while index < len(self.order) and self.order[index] in self.assigned:
            index += 1
        return index

    def _undo(self, mark: int) -> None:
        for undone in self.trail[mark:]:
            del self.assigned[undone]
        del self.trail[mark:]

    def _assign(self, argument: str, label: Label) -> None:
        """Set a label and everything it forces; raise :class:`_Contradiction` when a rule breaks."""
        pending = [(argument, label)]
        while pending:
            node, wanted = pending.pop()
            have = self.assigned.get(node)
            if have is not None:
                if have != wanted:
                    raise _Contradiction
                continue
            if wanted == "UNDEC" and self.kind == "stable":
                raise _Contradiction
            self.assigned[node] = wanted
            self.trail.append(node)
            for checked in (node, *self.targets[node]):
                pending.extend(self._forced(checked))

    def _forced(self, node: str) -> list[tuple[str, Label]]:
        """The labels that the rule of ``node`` forces now (on itself or its attackers)."""
        label = self.assigned.get(node)
        attackers = self.attackers[node]
        seen = [self.assigned.get(b) for b in attackers]
        free = [b for b, s in zip(attackers, seen, strict=True) if s is None]
        if label is None:
            if "IN" in seen:
                return [(node, "OUT")]
            if not free and all(s == "OUT" for s in seen):
                return [(node, "IN")]
            return []
        if label == "IN":
            if "IN" in seen or "UNDEC" in seen:
                raise _Contradiction
            return [(b, "OUT") for b in free]
        if label == "OUT":
            if "IN" in seen:
                return []
            if not free:
                raise _Contradiction
            return [(free[0], "IN")] if len(free) == 1 else []
        if "IN" in seen or (not free and "UNDEC" not in seen):
            raise _Contradiction
        return [(free[0], "UNDEC")] if len(free) == 1 and "UNDEC" not in seen else []

    def _collect(self) -> None:
        self.found.append({a: self.assigned[a] for a in self.members})
        self.budget.count_labellings(len(self.found), len(self.order))


def _maximal_in(labellings: list[dict[str, Label]]) -> list[dict[str, Label]]:
    """The labellings whose IN sets no other labelling's IN set strictly contains, one per IN set."""
    keyed = sorted(
        ((frozenset(a for a, v in lab.items() if v == "IN"), lab) for lab in labellings), key=lambda p: -len(p[0])
    )
    kept: list[tuple[frozenset[str], dict[str, Label]]] = []
    for ins, lab in keyed:
        if not any(ins <= other for other, _ in kept):
            kept.append((ins, lab))
    return [lab for _, lab in kept]


def _attack_order(arguments: list[str], targets: dict[str, list[str]]) -> list[str]:
    """Arguments in depth-first order along attacks, so a rule is checked soon after its inputs are set."""
    order: list[str] = []
    seen: set[str] = set()
    for start in arguments:
        stack = [start]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            order.append(node)
            stack.extend(sorted(targets[node], reverse=True))
    return order


def sceptical(labellings: Sequence[dict[str, Label]], arguments: Iterable[str]) -> dict[str, Label]:
    """IN when IN in every labelling, OUT when OUT in every one, otherwise UNDEC (also when there is none)."""
    result: dict[str, Label] = {}
    for argument in arguments:
        seen = {lab[argument] for lab in labellings}
        result[argument] = seen.pop() if len(seen) == 1 and seen != {"UNDEC"} else "UNDEC"
    return result


# Gradual strength ---------------------------------------------------------------------------


def dfquad_aggregate(values: Iterable[float]) -> float:
    """DF-QuAD's aggregation of several attackers (or supporters): 1 − ∏(1 − v); 0 for none."""
    rest = 1.0
    for value in values:
        rest *= 1.0 - value
    return 1.0 - rest


def dfquad_combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination: move the base towards 0 or 1 by the difference of the aggregates."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def dfquad(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """DF-QuAD strength from a base score and the strengths of attackers and supporters."""
    return dfquad_combine(base, dfquad_aggregate(attackers), dfquad_aggregate(supporters))


def euler(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """Euler-based strength: 1 − (1 − τ²) / (1 + τ·e^E) with E = Σ supporters − Σ attackers."""
    energy = math.fsum(supporters) - math.fsum(attackers)
    return 1.0 - (1.0 - base * base) / (1.0 + base * math.exp(min(energy, 700.0)))


@dataclass(frozen=True)
class Strengths:
    """Gradual strengths of claims and relations (a relation's is what it passes to its target)."""

    method: Gradual
    values: dict[str, float]
    inference: dict[str, float]
    """Per relation: the inference after undercuts and backings (its weight when unchallenged)."""
    converged: bool = True
    unsettled: tuple[str, ...] = ()
    """Claims and relations in cycles that did not settle."""
    rounds: int = 0
    """Most rounds any cycle needed (0 for an acyclic map)."""


def strengths(argmap: MapView, method: Gradual = "dfquad", good: list[str] | None = None) -> Strengths:
    """Gradual strength of every claim and (usable) relation.

    Everything outside cycles is computed once, in dependency order (Kahn's
    algorithm); what is left are the cycles and what hangs from them, taken
    strongly connected component by component, each cycle iterated.
    """
    nodes = _numbered(argmap, usable_relations(argmap)[0] if good is None else good)
    weighed = _weigh(nodes, method)
    ids, first_relation = nodes.ids, nodes.first_relation
    return Strengths(
        method,
        dict(zip(ids, weighed.values, strict=True)),
        dict(zip(ids[first_relation:], weighed.inference[first_relation:], strict=True)),
        weighed.converged,
        weighed.unsettled,
        weighed.rounds,
    )


@dataclass(frozen=True)
class _Numbered:
    """A map's claims and usable relations as numbers: claims first in map order, then relations in id order.

    Lists indexed by number keep the bookkeeping of a large map cheap, and the
    numbering fixes the order in which a cycle's members are updated.
    """

    ids: list[str]
    first_relation: int
    base: list[float]
    """A claim's base score, a relation's weight (the defaults filled in)."""
    premises: list[tuple[int, ...]]
    """A relation's premises (nothing for a claim)."""
    target: list[int]
    """What a relation bears on: a claim, or for an undercut a relation (-1 for a claim)."""
    attacks: dict[int, list[int]]
    """For each claim or relation attacked, the relations attacking it in id order (most of a map is not attacked)."""
    supports: dict[int, list[int]]
    """Likewise the relations supporting it."""


def _numbered(argmap: MapView, good: list[str]) -> _Numbered:
    """The numbered form of a map, its relations limited to ``good`` (the first list of :func:`usable_relations`)."""
    claims, relations = argmap.claims, argmap.relations
    ids = [*claims, *good]
    index = dict(zip(ids, range(len(ids)), strict=True))
    if len(index) < len(ids):
        shared = sorted(set(claims).intersection(good))
        raise ArgmapError(
            f"{shared[0]!r} is both a claim and a relation" + (f" ({len(shared)} such ids)" if len(shared) > 1 else ""),
            fix="rename one: claims and relations share one namespace; argmap check lists every such id",
        )
    first_relation = len(claims)
    bearing = [*map(relations.__getitem__, good)]
    base = [DEFAULT_BASE_SCORE if (score := claim.base_score) is None else score for claim in claims.values()]
    base += [DEFAULT_WEIGHT if (weight := relation.weight) is None else weight for relation in bearing]
    position = index.__getitem__
    premises: list[tuple[int, ...]] = [()] * first_relation
    premises += [
        (index[named[0]],) if len(named) == 1 else tuple(map(position, named))
        for named in (relation.premises for relation in bearing)
    ]
    target_of = [-1] * first_relation
    target_of += [index[relation.target] for relation in bearing]
    attacks: dict[int, list[int]] = {}
    supports: dict[int, list[int]] = {}
    for number, relation, target in zip(
        range(first_relation, len(ids)), bearing, target_of[first_relation:], strict=True
    ):
        side = attacks if relation.type in ATTACKING else supports
        if target in side:
            side[target].append(number)
        else:
            side[target] = [number]
    return _Numbered(ids, first_relation, base, premises, target_of, attacks, supports)


@dataclass(frozen=True)
class _Weighed:
    """Strengths by number, and the order in which the acyclic part settled (what the grounded labels follow)."""

    values: list[float]
    inference: list[float]
    converged: bool
    unsettled: tuple[str, ...]
    rounds: int
    settled: list[int]
    """The nodes outside cycles, each after everything it depends on."""
    left: set[int]
    """The nodes in cycles or depending on one."""


def _weigh(nodes: _Numbered, method: Gradual) -> _Weighed:
    """The strengths of :func:`strengths`, by number."""
    combine = {"dfquad": dfquad, "euler": euler}[method]
    base, premises, first_relation = nodes.base, nodes.premises, nodes.first_relation
    attacks, supports = nodes.attacks, nodes.supports
    nothing: list[int] = []
    value = list(base)
    inference = base[:]

    def step(i: int, current: list[float]) -> float:
        against, for_ = attacks.get(i, nothing), supports.get(i, nothing)
        if against or for_:
            own = (combine if i < first_relation else dfquad)(
                base[i], [current[r] for r in against], [current[r] for r in for_]
            )
        else:
            own = base[i]  # both methods leave an unchallenged base as it is
        if i < first_relation:
            return own
        inference[i] = own
        below = premises[i]
        return own * (current[below[0]] if len(below) == 1 else min(current[p] for p in below))

    settled, left = _settle_acyclic(nodes, step, value)
    for i in left:  # where a cycle's iteration starts; nothing settled before reads these
        if i >= first_relation:
            value[i] = base[i] * min(base[p] for p in premises[i])
    depends = {i: {*attacks.get(i, nothing), *supports.get(i, nothing), *premises[i]} for i in left}
    converged = True
    unsettled: list[str] = []
    rounds = 0
    for component in strongly_connected({i: sorted(depends[i] & left) for i in sorted(left)}):
        if len(component) == 1 and component[0] not in depends[component[0]]:
            value[component[0]] = step(component[0], value)
            continue
        settled_here, used = _iterate(component, step, value, first_relation)
        rounds = max(rounds, used)
        if not settled_here:
            converged = False
            unsettled.extend(nodes.ids[i] for i in component)
    return _Weighed(value, inference, converged, tuple(sorted(unsettled)), rounds, settled, left)


def _settle_acyclic(nodes: _Numbered, step: Any, value: list[float]) -> tuple[list[int], set[int]]:
    """Compute each node once all it depends on is computed: the nodes so settled in order, and those left over.

    A claim depends on the relations attacking and supporting it; a relation on
    those and on its premises (a premise named twice counts twice on both sides).
    An unchallenged claim keeps its base score (``value`` holds it on entry), and an
    unchallenged relation passes on its weight times its weakest premise, both
    without a call (most records of a large map).  What is left over is in a
    cycle or below one.
    """
    premises, base, target_of, first_relation = nodes.premises, nodes.base, nodes.target, nodes.first_relation
    count = len(value)
    waiting = [*map(len, premises)]
    for bearing in (nodes.attacks, nodes.supports):
        for target, relations in bearing.items():
            waiting[target] += len(relations)
    used_by: list[list[int]] = [[] for _ in range(first_relation)]  # for a claim: the relations it is a premise of
    for relation in range(first_relation, count):
        for premise in premises[relation]:
            used_by[premise].append(relation)
    challenged = nodes.attacks.keys() | nodes.supports.keys()
    order = [*compress(range(count), map(not_, waiting))]
    for node in order:  # what becomes ready is appended: the list is the queue and, in the end, the order
        if node < first_relation:
            if node in challenged:
                value[node] = step(node, value)
            for dependent in used_by[node]:
                waiting[dependent] -= 1
                if not waiting[dependent]:
                    order.append(dependent)
            continue
        if node in challenged:
            value[node] = step(node, value)
        else:
            below = premises[node]
            value[node] = base[node] * (value[below[0]] if len(below) == 1 else min(value[p] for p in below))
        dependent = target_of[node]
        waiting[dependent] -= 1
        if not waiting[dependent]:
            order.append(dependent)
    return order, set() if len(order) == count else {node for node, left in enumerate(waiting) if left > 0}


def _iterate(component: list[int], step: Any, value: list[float], first_relation: int) -> tuple[bool, int]:
    """Iterate a cycle round by round until no claim or relation moves more than the tolerance.

    One round updates the cycle's relations (in id order) from the previous
    round's claim strengths, then its claims from those relations: every claim
    moves from the previous round's claims, as in σₜ₊₁ = f(σₜ), whatever the
    order of the ids.
    """
    relations = [node for node in component if node >= first_relation]
    members = [node for node in component if node < first_relation]
    for rounds in range(1, MAX_ITERATIONS + 1):
        before = [value[node] for node in component]
        for node in relations:
            value[node] = step(node, value)
        for node in members:
            value[node] = step(node, value)
        if max(abs(value[node] - old) for node, old in zip(component, before, strict=True)) < TOLERANCE:
            return True, rounds
    return False, MAX_ITERATIONS


# Grounded labels along the strengths' order -------------------------------------------------


def _grounded_by_number(nodes: _Numbered, weighed: _Weighed) -> list[Label]:
    """The grounded labelling (what :func:`grounded` gives of :func:`framework`), in the order the strengths settled.

    An argument's attackers (the attack relations onto it and, for a relation,
    onto its premises) all settled before it, and outside cycles every label
    is IN or OUT: a claim is OUT when an attack on it is IN; a relation when
    an undercut of it is IN or one of its premises is OUT.  So one pass labels
    the acyclic part, and the least fixpoint is sought only among the rest.
    """
    label: list[Label] = ["UNDEC"] * len(nodes.ids)
    attacks, premises, first_relation = nodes.attacks, nodes.premises, nodes.first_relation
    for node in weighed.settled:
        against = attacks.get(node)
        if against is not None and "IN" in [label[a] for a in against]:
            label[node] = "OUT"
        elif node < first_relation:
            label[node] = "IN"
        else:
            below = premises[node]
            label[node] = label[below[0]] if len(below) == 1 else "OUT" if "OUT" in [label[p] for p in below] else "IN"
    if weighed.left:
        _ground_the_rest(nodes, weighed.left, label)
    return label


def _ground_the_rest(nodes: _Numbered, left: set[int], label: list[Label]) -> None:
    """Label the arguments in and below cycles, the others' labels given: as :func:`grounded`, within ``left``."""
    attacks = nodes.attacks
    nothing: list[int] = []
    targets: dict[int, list[int]] = {node: [] for node in left}
    pending: dict[int, int] = {}
    queue: list[int] = []
    defeated: list[int] = []
    for node in sorted(left):
        against = {*attacks.get(node, nothing)}
        for premise in nodes.premises[node]:
            against.update(attacks.get(premise, nothing))
        inside = [a for a in against if a in left]
        for attacker in inside:
            targets[attacker].append(node)
        pending[node] = len(inside)
        if any(label[a] == "IN" for a in against if a not in left):
            defeated.append(node)
        elif not inside:
            queue.append(node)
    decided: dict[int, Label] = {}

    def defeat(node: int) -> None:
        decided[node] = "OUT"
        for further in targets[node]:
            pending[further] -= 1
            if pending[further] == 0 and further not in decided:
                queue.append(further)

    for node in defeated:
        defeat(node)
    while queue:
        node = queue.pop()
        if node in decided:
            continue
        decided[node] = "IN"
        for attacked in targets[node]:
            if attacked not in decided:
                defeat(attacked)
    for node, decision in decided.items():
        label[node] = decision


# The whole evaluation -----------------------------------------------------------------------


class Standing(NamedTuple):
    """How one claim or relation fares: its label and its gradual strength (a named tuple: one per record)."""

    label: Label
    strength: float
    inference: float | None = None
    """For a relation: its inference after undercuts and backings (the weight when unchallenged)."""

    def badge(self) -> str:
        """The short form ``show``, the editor and diagrams print: ``IN 0.73``."""
        return f"{self.label} {self.strength:.2f}"


@dataclass(frozen=True)
class ThesisVerdict:
    """The verdict on one thesis under the chosen semantics, and what the other kind of reading says.

    Labels (grounded, preferred, stable) and strengths (DF-QuAD, Euler) answer
    different questions; ``second_opinion`` is the verdict of the other kind
    (grounded labels beside a gradual semantics, DF-QuAD strength beside a
    labelling one), so a report can say plainly when the two disagree.
    """

    thesis: str
    verdict: Verdict
    label: Label
    strength: float
    second_semantics: Semantics = "grounded"
    second_opinion: Verdict = "undecided"

    @property
    def disagree(self) -> bool:
        return self.verdict != self.second_opinion


@dataclass(frozen=True)
class Evaluation:
    """Everything ``argmap eval`` reports about one map."""

    semantics: Semantics
    gradual: Gradual
    claims: dict[str, Standing]
    relations: dict[str, Standing]
    theses: tuple[ThesisVerdict, ...]
    converged: bool
    extensions: tuple[frozenset[str], ...] | None = None
    """Preferred or stable extensions, as sets of claim ids (None for the other semantics)."""
    warnings: tuple[str, ...] = field(default=())

    def badges(self) -> dict[str, str]:
        """``{claim id: "IN 0.73"}``: what ``show``, the editor and ``render --strength`` print beside a claim."""
        return {cid: standing.badge() for cid, standing in self.claims.items()}

    def to_json(self) -> dict[str, Any]:
        """A stable JSON-ready form: keys sorted by id, strengths rounded to 6 places."""
        data: dict[str, Any] = {
            "semantics": self.semantics,
            "gradual": self.gradual,
            "converged": self.converged,
            "theses": [
                {
                    "id": v.thesis,
                    "verdict": v.verdict,
                    "label": v.label,
                    "strength": round(v.strength, 6),
                    "second_opinion": {"semantics": v.second_semantics, "verdict": v.second_opinion},
                }
                for v in self.theses
            ],
            "claims": {
                cid: {"label": s.label, "strength": round(s.strength, 6)} for cid, s in sorted(self.claims.items())
            },
            "relations": {
                rid: {"label": s.label, "strength": round(s.strength, 6), "inference": round(s.inference or 0.0, 6)}
                for rid, s in sorted(self.relations.items())
            },
            "warnings": list(self.warnings),
        }
        if self.extensions is not None:
            data["extensions"] = [sorted(ext) for ext in self.extensions]
        return data


def is_gradual(semantics: Semantics) -> bool:
    """Whether a semantics decides by strength (DF-QuAD, Euler) rather than by label."""
    return semantics in ("dfquad", "euler")


def verdict_of(semantics: Semantics, label: Label, strength: float, settled: bool) -> Verdict:
    """Labels decide under grounded/preferred/stable; strength against 0.5 (at two decimals) under the gradual ones."""
    if is_gradual(semantics):
        if not settled:
            return "undecided"
        shown = round(strength, 2)
        return "holds" if shown > 0.5 else "falls" if shown < 0.5 else "undecided"
    verdicts: dict[Label, Verdict] = {"IN": "holds", "OUT": "falls", "UNDEC": "undecided"}
    return verdicts[label]


def evaluate(argmap: MapView, semantics: Semantics = "dfquad") -> Evaluation:
    """Label and weigh every claim of a map, and say whether each thesis holds."""
    with gc_paused():  # many small index containers: a full collection would rescan the map for nothing
        return _evaluate(argmap, semantics)


def _evaluate(argmap: MapView, semantics: Semantics) -> Evaluation:
    if semantics not in SEMANTICS:
        raise ArgmapError(f"unknown semantics {semantics!r}; one of: {', '.join(SEMANTICS)}")
    gradual: Gradual = "euler" if semantics == "euler" else "dfquad"
    warnings: list[str] = []
    usable = usable_relations(argmap)
    for rid in usable[1]:
        warnings.append(f"relation {rid!r} names a claim or relation the map does not hold; left out")
    if argmap.conflicts:
        warnings.append(
            f"the map has {len(argmap.conflicts)} unresolved merge conflict(s); this evaluates our side's values"
        )
    nodes = _numbered(argmap, usable[0])
    weighed = _weigh(nodes, gradual)
    label = _grounded_by_number(nodes, weighed)
    found: tuple[frozenset[str], ...] | None = None
    if semantics in ("preferred", "stable"):
        labels = dict(zip(nodes.ids, label, strict=True))
        partial = _open_labellings(framework(argmap, usable), semantics, labels)
        accepted = frozenset(cid for cid in argmap.claims if labels[cid] == "IN")
        found = tuple(accepted | {a for a, v in lab.items() if v == "IN" and a in argmap.claims} for lab in partial)
        if partial:
            labels.update(sceptical(partial, partial[0]))
            label = [labels[node] for node in nodes.ids]
        else:
            label = ["UNDEC"] * len(label)
            warnings.append("there is no stable extension (an odd cycle of attacks); every claim is UNDEC")
    if not weighed.converged:
        shown = ", ".join(weighed.unsettled[:8]) + (" …" if len(weighed.unsettled) > 8 else "")
        warnings.append(
            f"{gradual} strengths did not converge within {MAX_ITERATIONS} rounds in a cycle ({shown}); "
            "their numbers are the last round's, not a result"
        )
    unsettled = set(weighed.unsettled)
    first, ids, value = nodes.first_relation, nodes.ids, weighed.values
    claims = dict(zip(ids[:first], map(Standing, label[:first], value[:first]), strict=True))
    relations = dict(
        zip(ids[first:], map(Standing, label[first:], value[first:], weighed.inference[first:]), strict=True)
    )
    second: Semantics = "grounded" if is_gradual(semantics) else gradual
    theses = tuple(
        ThesisVerdict(
            tid,
            verdict_of(semantics, claims[tid].label, claims[tid].strength, tid not in unsettled),
            claims[tid].label,
            claims[tid].strength,
            second,
            verdict_of(second, claims[tid].label, claims[tid].strength, tid not in unsettled),
        )
        for tid in argmap.theses()
    )
    if not theses:
        warnings.append("the map has no thesis, so there is no verdict")
    return Evaluation(semantics, gradual, claims, relations, theses, weighed.converged, found, tuple(warnings))
