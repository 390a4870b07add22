// What OVA3 does when it opens an xAIF file, restated for Node without a browser (argmap's own code, not OVA's).
//
// It follows loadFile and loadOva3Json of arg-tech/OVA3, res/js/ova-save.js at commit
// f72b2aded8994b871f40f7551b53d112b594d60c, step by step, with the drawing calls replaced by records of what
// would be drawn:
//   lines 404-405  a document with an "OVA" key is loaded as OVA3 JSON;
//   lines 427-434  participants: firstname and surname of each;
//   lines 437-450  the text: json.text.txt or json.text (json.text must exist), else the OVA url;
//   lines 453-470  nodes: in dialogical mode ("plus") every AIF node, otherwise only I, RA, CA, MA and EN;
//   lines 501-504  the lowest x and y over OVA.nodes by Array.reduce without a start value, skipping invisible
//                  entries (minX and minY, lines 724-740): a TypeError on an empty OVA.nodes;
//   lines 505-520  each OVA.nodes entry of a loaded node, if visible, is drawn at parseInt(x) - lowX + 150,
//                  parseInt(y) + offset - lowY;
//   lines 522-541  edges come from OVA.edges only, when both ends are loaded nodes, once per pair;
//   line 545       findNodeIndex(jnodes[0].nodeID): the AIF node list must not be empty.
// Usage: node ova3_loader.js FILE [plus]; prints {"drawn": {...}, "edges": [...]} or exits 1 with the error.
"use strict";

const fs = require("fs");

function minBy(axis) {
  return (prev, curr) => {
    if (!curr.visible) return prev;
    if (!prev.visible) return curr;
    return parseInt(prev[axis]) < parseInt(curr[axis]) ? prev : curr;
  };
}

function open(json, plus) {
  if (!json.OVA) throw new Error("not OVA3 JSON: no OVA section");
  const people = (json.AIF.participants || []).map((p) => `${p.firstname} ${p.surname}`);
  let text = false;
  if (Object.prototype.hasOwnProperty.call(json.text, "txt")) {
    if (json.text.txt !== "") text = true;
  } else if (json.text !== "") {
    text = true;
  }
  const loaded = {};
  for (const node of json.AIF.nodes) {
    if (plus || ["I", "RA", "CA", "MA", "EN"].includes(node.type)) loaded[node.nodeID] = node;
  }
  const layout = json.OVA.nodes;
  const lowX = parseInt(layout.reduce(minBy("x")).x);
  const lowY = parseInt(layout.reduce(minBy("y")).y);
  const drawn = {};
  for (const entry of layout) {
    if (loaded[entry.nodeID] && entry.visible) {
      const x = parseInt(entry.x) - lowX + 150;
      const y = parseInt(entry.y) + 60 - lowY;
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`node ${entry.nodeID} at ${x}, ${y}`);
      drawn[entry.nodeID] = [x, y];
    }
  }
  const edges = {};
  for (const edge of json.OVA.edges) {
    const id = `${edge.fromID}_${edge.toID}`;
    if (edge.fromID in loaded && edge.toID in loaded && !(id in edges)) edges[id] = [edge.fromID, edge.toID];
  }
  if (!json.AIF.nodes[0].nodeID) throw new Error("the first AIF node has no id");
  return { people, text, drawn, edges: Object.values(edges) };
}

try {
  const json = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  process.stdout.write(JSON.stringify(open(json, process.argv[3] === "plus")));
} catch (error) {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
}
