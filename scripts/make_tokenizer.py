#!/usr/bin/env python3
"""Builds resources/tokenizer/tokenizer.json, the small byte-level BPE tokenizer of the suite presets.

Python 3 standard library only; deterministic (same output on every run). The format is a Hugging Face
tokenizer.json of the SmolLM2 kind (Digits + ByteLevel pre-tokenizer, BPE model, ByteLevel decoder), so the
C++ BpeTokenizer reads it with the same code path as a real SmolLM2/SmolVLM tokenizer.

Layout (1024 ids, matching the presets' lm_vocab_size and extra-token ids):
  0..2      <|endoftext|>, <|im_start|>, <|im_end|>   (vocab + special added tokens, as SmolLM2)
  3..258    the 256 byte symbols (GPT-2 byte->unicode map), in byte order
  259..1021 BPE merges learned on the corpus below (most frequent pair first, ties by the pair's text)
  1022,1023 <|image|>, <|global_image|>                (added tokens only, as nanoVLM's extra tokens)

Usage: python3 scripts/make_tokenizer.py [output_path]
"""
import json
import re
import sys
from collections import Counter

BASE_SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
EXTRA_SPECIAL = ["<|image|>", "<|global_image|>"]
VOCAB_BASE = 1022  # ids below this are vocab entries; the extra tokens follow

# Question and option forms of the 13 suite tasks (tasks.md) and of the primitive skill tasks, plus the
# words the task generators use. Repeats raise a word's frequency so whole words win merges early.
SENTENCES = """
Which image is more similar to the reference? (A) first (B) second
Which image shares the reference's style? (A) first (B) second
Which point in image 2 corresponds to the red point in image 1? (A) A (B) B (C) C (D) D
Which point is closer to the camera, A or B? (A) A (B) B
Which point has the darker surface colour: A, B, or about the same? (A) A (B) B (C) about the same
Is the red circle to the left of the blue square? (A) yes (B) no
Is the green triangle above the yellow star? (A) yes (B) no
Which patch fills the missing part? (A) first (B) second
How many circles are there? (A) 3 (B) 4 (C) 5 (D) 6
How many squares are there? How many triangles are there? How many stars are there?
Which point in image 2 plays the same role as the red point in image 1?
Which point in image 2 is the same part as the red point in image 1?
Did the camera move left or right? (A) left (B) right
Which box correctly bounds the purple hexagon? (A) A (B) B
Which image has been manipulated? (A) first (B) second (C) third (D) fourth
What colour is the object under point A (red)? What shape is the object under the marker?
Where is the marker? Which side is the object on? What texture does the panel have?
How many objects of this colour are there? Count the objects. Which quadrant holds the point?
point A (red) point B (blue) point C (green) point D (yellow)
image 1 image 2 image 3 image 4 the reference image the first image the second image
""".strip().split("\n")

WORDS = """
A B C D E Answer Which What Where How Is Did Does The Count Colour Shape Texture Side Point Panel Marker Object
a about above albedo all among an and another answer any apart are as at axe background below bird black blank
blue blur body bottom bounds box boxes brown by camera candidate centre changes checks circle clean closer colour
coloured colours column copy correctly correspondence corresponds count counting crop cyan darker depth diamond
differs direction dots ellipse empty equal every far fill filled fills first five four fourth gray green grey ground
half hammer handle has hatching haze head height hexagon horizon image images in is it its jigsaw jitter ladle large
larger left leg light lighting magenta manipulated marker markers medium missing more most move no noise not object
objects occlusion of on one opposite option options or orange other part parts pasted patch patches plays point
points pose purple quadrant quadruped rectangle red reference region relation right ring role rotation row same scene
screwdriver second shadow shape shapes share shares shift shifted side similar size small smaller solid square
star stripes style surface tail texture textured the there third three tint tip to tool top touching triangle two
under view views white with wrench yellow yes zero six seven eight nine ten none both neither closer farther
brighter dimmer same different this that these those which what where correct true false
""".split()


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("\xa1"), ord("\xac") + 1)) + \
        list(range(ord("\xae"), ord("\xff") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


# ASCII form of the ByteLevel regex (the corpus is ASCII), after Digits(individual_digits).
PIECE = re.compile(r"'s|'t|'re|'ve|'m|'ll|'d| ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+(?!\S)|\s+")


def pieces(text):
    out = []
    for seg in re.split(r"([0-9])", text):
        if seg:
            out.extend(PIECE.findall(seg) if not seg.isdigit() else [seg])
    return out


def corpus_counts():
    counts = Counter()
    b2u = bytes_to_unicode()
    texts = []
    for s in SENTENCES:
        texts += [s] * 20
    for w in WORDS:
        for form in (w, w.capitalize(), w.lower()):
            texts += [" " + form] * 6 + [form] * 2
    texts += ["\n(" + c + ") " for c in "ABCD"] * 50
    for t in texts:
        for p in pieces(t):
            counts[tuple(b2u[b] for b in p.encode("utf-8"))] += 1
    return counts


def learn_merges(counts, n_merges):
    words = {w: c for w, c in counts.items()}
    merges = []
    for _ in range(n_merges):
        pairs = Counter()
        for w, c in words.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] += c
        if not pairs:
            break
        best = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        merges.append(best)
        merged = {}
        for w, c in words.items():
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and (w[i], w[i + 1]) == best:
                    out.append(w[i] + w[i + 1])
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            merged[tuple(out)] = merged.get(tuple(out), 0) + c
        words = merged
    return merges


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "resources/tokenizer/tokenizer.json"
    b2u = bytes_to_unicode()
    vocab = {}
    for t in BASE_SPECIAL:
        vocab[t] = len(vocab)
    for b in range(256):
        vocab[b2u[b]] = len(vocab)
    merges = []
    for a, b in learn_merges(corpus_counts(), VOCAB_BASE - len(vocab)):
        if a + b in vocab:
            continue
        vocab[a + b] = len(vocab)
        merges.append(a + " " + b)
    if len(vocab) != VOCAB_BASE:
        sys.exit(f"corpus too small: {len(vocab)} base tokens, need {VOCAB_BASE}")

    def added(content, i):
        return {"id": i, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True}

    tok = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [added(t, vocab[t]) for t in BASE_SPECIAL] +
                        [added(t, VOCAB_BASE + i) for i, t in enumerate(EXTRA_SPECIAL)],
        "normalizer": None,
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Digits", "individual_digits": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}]},
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": merges},
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {out_path}: {len(vocab)} vocab + {len(EXTRA_SPECIAL)} extra tokens, {len(merges)} merges")


if __name__ == "__main__":
    main()
