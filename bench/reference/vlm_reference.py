#!/usr/bin/python3
"""Straightforward PyTorch reference of Transferscope's VLM, for the speed benchmarks (issue 8).

The same graph as core/model (docs vlm.md §2): SigLIP-style ViT (pre-LN, GELU-tanh, no CLS), pixel shuffle +
bias-free projection, Llama-style decoder (RMSNorm, GQA, rotate-half RoPE, SwiGLU, tied head), LoRA on the
decoder projections, cross-entropy on the answer tokens. It is written the way a researcher would write it:
nn.Modules, full-sequence forward, logits for every position, no feature cache, no position trimming.

It loads the SAME weights (the nanoVLM folder the C++ benchmark writes: config.json + model.safetensors,
plus lora.safetensors) and the SAME inputs (batch.safetensors / eval.safetensors), so the benchmark compares
the same computation; `check` reports the losses the C++ side compares against before anything is timed.

Run with Debian's /usr/bin/python3 (python3-torch 1.13, the libtorch the C++ side links).
Worker protocol (stdin/stdout, one line each; lines starting with '#' are diagnostics):
  check K   -> "losses L0 L1..LK"  (L0: no-grad loss of the initial weights; Li: loss of optimizer step i)
  train N   -> "time S"            (N optimizer steps, wall seconds)
  eval      -> "eval S MAXDIFF AGREE"  (all items, batched forward per batch; seconds, max |letter logit diff|
                                       against the C++ logits, fraction of items with the same choice)
  quit
"""
import argparse
import json
import math
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

_DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32,
           "U8": torch.uint8, "BF16": torch.bfloat16, "F16": torch.float16, "BOOL": torch.bool}


def read_safetensors(path):
    """Minimal safetensors reader (the `safetensors` package is not in Debian 12)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        buf = bytearray(data[base + start:base + end])
        t = torch.frombuffer(buf, dtype=dtype) if len(buf) else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(info["shape"]).clone()
    return out


class LoRALinear(nn.Module):
    """nn.Linear with an optional PEFT-style adapter: y = xW^T + b + (x A^T B^T) * alpha/r."""

    def __init__(self, fin, fout, bias):
        super().__init__()
        self.linear = nn.Linear(fin, fout, bias=bias)
        self.lora_A = None
        self.lora_B = None
        self.scaling = 0.0

    def add_lora(self, a, b, scaling):
        self.lora_A = nn.Parameter(a)
        self.lora_B = nn.Parameter(b)
        self.scaling = scaling

    def forward(self, x):
        y = self.linear(x)
        if self.lora_A is not None:
            y = y + (x @ self.lora_A.t() @ self.lora_B.t()) * self.scaling
        return y


class ViTBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["vit_hidden_dim"]
        self.heads = c["vit_n_heads"]
        self.ln1 = nn.LayerNorm(d, eps=c["vit_ln_eps"])
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d, eps=c["vit_ln_eps"])
        self.fc1 = nn.Linear(d, c["vit_inter_dim"])
        self.fc2 = nn.Linear(c["vit_inter_dim"], d)

    def forward(self, x):
        B, N, D = x.shape
        hd = D // self.heads
        q, k, v = self.qkv(self.ln1(x)).view(B, N, 3, self.heads, hd).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(hd), dim=-1)
        x = x + self.out((att @ v).transpose(1, 2).reshape(B, N, D))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x)), approximate="tanh"))


class RMSNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate_half(x):
    a, b = x.chunk(2, dim=-1)
    return torch.cat([-b, a], dim=-1)


class DecoderBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["lm_hidden_dim"]
        self.h, self.kv = c["lm_n_heads"], c["lm_n_kv_heads"]
        self.hd = d // self.h
        self.norm1 = RMSNorm(d, c["lm_rms_eps"])
        self.q_proj = LoRALinear(d, self.h * self.hd, False)
        self.k_proj = LoRALinear(d, self.kv * self.hd, False)
        self.v_proj = LoRALinear(d, self.kv * self.hd, False)
        self.out_proj = LoRALinear(self.h * self.hd, d, False)
        self.norm2 = RMSNorm(d, c["lm_rms_eps"])
        self.gate_proj = LoRALinear(d, c["lm_inter_dim"], False)
        self.up_proj = LoRALinear(d, c["lm_inter_dim"], False)
        self.down_proj = LoRALinear(c["lm_inter_dim"], d, False)

    def forward(self, x, cos, sin, mask):
        B, T, _ = x.shape
        h = self.norm1(x)
        q = self.q_proj(h).view(B, T, self.h, self.hd).transpose(1, 2)
        k = self.k_proj(h).view(B, T, self.kv, self.hd).transpose(1, 2)
        v = self.v_proj(h).view(B, T, self.kv, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(self.h // self.kv, dim=1)
        v = v.repeat_interleave(self.h // self.kv, dim=1)
        att = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(self.hd) + mask, dim=-1)
        x = x + self.out_proj((att @ v).transpose(1, 2).reshape(B, T, self.h * self.hd))
        h = self.norm2(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class VLM(nn.Module):
    def __init__(self, c, image_token_id):
        super().__init__()
        self.c = c
        self.image_token_id = image_token_id
        dv, p = c["vit_hidden_dim"], c["vit_patch_size"]
        n = (c["vit_img_size"] // p) ** 2
        self.patch = nn.Conv2d(3, dv, p, stride=p)
        self.pos = nn.Parameter(torch.zeros(1, n, dv))
        self.vit_blocks = nn.ModuleList([ViTBlock(c) for _ in range(c["vit_n_blocks"])])
        self.vit_norm = nn.LayerNorm(dv, eps=c["vit_ln_eps"])
        s = c["mp_pixel_shuffle_factor"]
        self.proj = nn.Linear(dv * s * s, c["lm_hidden_dim"], bias=False)
        self.embed = nn.Embedding(c["lm_vocab_size"], c["lm_hidden_dim"])
        self.blocks = nn.ModuleList([DecoderBlock(c) for _ in range(c["lm_n_blocks"])])
        self.norm = RMSNorm(c["lm_hidden_dim"], c["lm_rms_eps"])
        self.tied = c.get("lm_tie_weights", True)
        if not self.tied:
            self.head = nn.Linear(c["lm_hidden_dim"], c["lm_vocab_size"], bias=False)
        hd = c["lm_hidden_dim"] // c["lm_n_heads"]
        self.register_buffer("inv_freq", 1.0 / (c["lm_re_base"] ** (torch.arange(0, hd, 2).float() / hd)))

    def vision(self, images):
        x = self.patch(images).flatten(2).transpose(1, 2) + self.pos
        for b in self.vit_blocks:
            x = b(x)
        return self.vit_norm(x)

    def connector(self, feats):
        B, N, D = feats.shape
        s = self.c["mp_pixel_shuffle_factor"]
        h = int(math.isqrt(N)) // s
        x = feats.reshape(B, h, s, h, s, D).permute(0, 1, 3, 2, 4, 5).reshape(B, h * h, s * s * D)
        return self.proj(x)

    def forward(self, ids, attn, image_embeds):
        """Hidden states for every position; image placeholders replaced in order."""
        x = self.embed(ids)
        is_img = ids == self.image_token_id
        x = x.masked_scatter(is_img.unsqueeze(-1), image_embeds.reshape(-1, x.shape[-1]))
        T = ids.shape[1]
        pos = torch.arange(T, dtype=torch.float32)
        freqs = torch.outer(pos, self.inv_freq)
        emb = torch.cat([freqs, freqs], dim=-1) * self.c.get("lm_attn_scaling", 1.0)
        cos, sin = emb.cos(), emb.sin()
        causal = torch.tril(torch.ones(T, T, dtype=torch.bool))
        allowed = causal[None, None] & attn.bool()[:, None, None, :]
        mask = torch.zeros(allowed.shape).masked_fill(~allowed, -1e9)
        for b in self.blocks:
            x = b(x, cos, sin, mask)
        return self.norm(x)

    def logits(self, hidden):
        return hidden @ (self.embed.weight if self.tied else self.head.weight).t()


def load_model(folder, image_token_id, lora_file=None, lora_scaling=2.0):
    c = json.load(open(f"{folder}/config.json"))
    m = VLM(c, image_token_id)
    w = read_safetensors(f"{folder}/model.safetensors")
    g = lambda k: w.pop(k)
    with torch.no_grad():
        m.patch.weight.copy_(g("vision_encoder.patch_embedding.conv.weight"))
        m.patch.bias.copy_(g("vision_encoder.patch_embedding.conv.bias"))
        m.pos.copy_(g("vision_encoder.patch_embedding.position_embedding"))
        for i, b in enumerate(m.vit_blocks):
            p = f"vision_encoder.blocks.{i}."
            for mod, name in [(b.ln1, "ln1"), (b.ln2, "ln2"), (b.qkv, "attn.qkv_proj"), (b.out, "attn.out_proj"),
                              (b.fc1, "mlp.fc1"), (b.fc2, "mlp.fc2")]:
                mod.weight.copy_(g(p + name + ".weight"))
                mod.bias.copy_(g(p + name + ".bias"))
        m.vit_norm.weight.copy_(g("vision_encoder.layer_norm.weight"))
        m.vit_norm.bias.copy_(g("vision_encoder.layer_norm.bias"))
        m.proj.weight.copy_(g("MP.proj.weight"))
        if m.tied:
            emb = w.pop("decoder.head.weight", None)
            m.embed.weight.copy_(emb if emb is not None else g("decoder.token_embedding.weight"))
        else:
            m.embed.weight.copy_(g("decoder.token_embedding.weight"))
            m.head.weight.copy_(g("decoder.head.weight"))
        for i, b in enumerate(m.blocks):
            p = f"decoder.blocks.{i}."
            b.norm1.weight.copy_(g(p + "norm1.weight"))
            b.norm2.weight.copy_(g(p + "norm2.weight"))
            for name in ["q_proj", "k_proj", "v_proj", "out_proj"]:
                getattr(b, name).linear.weight.copy_(g(p + "attn." + name + ".weight"))
            for name in ["gate_proj", "up_proj", "down_proj"]:
                getattr(b, name).linear.weight.copy_(g(p + "mlp." + name + ".weight"))
        m.norm.weight.copy_(g("decoder.norm.weight"))
        m.inv_freq.copy_(g("decoder.rotary_embd.inv_freq"))
    if w:
        raise SystemExit(f"unused tensors in the checkpoint: {sorted(w)[:5]}")
    if lora_file:
        lw = read_safetensors(lora_file)
        for i, b in enumerate(m.blocks):
            for sub, names in [("attn", ["q_proj", "k_proj", "v_proj", "out_proj"]),
                               ("mlp", ["gate_proj", "up_proj", "down_proj"])]:
                for name in names:
                    key = f"decoder.blocks.{i}.{sub}.{name}."
                    if key + "lora_A" in lw:
                        getattr(b, name).add_lora(lw[key + "lora_A"], lw[key + "lora_B"], lora_scaling)
    return m


class Bench:
    def __init__(self, folder):
        self.folder = folder
        self.cfg = json.load(open(f"{folder}/bench.json"))
        torch.set_num_threads(self.cfg["threads"])
        torch.set_flush_denormal(True)  # the C++ runtime sets it too (runtime.cpp)
        lora = f"{folder}/lora.safetensors" if self.cfg.get("mode") == "lora" else None
        self.model = load_model(folder, self.cfg["image_token_id"], lora,
                                self.cfg.get("lora_alpha", 16.0) / self.cfg.get("lora_rank", 8))
        self.optimizer = None

    # --- training -------------------------------------------------------------------------------
    def setup_training(self):
        m = self.model
        m.train()
        for p in m.parameters():
            p.requires_grad_(False)
        connector = list(m.proj.parameters())
        if self.cfg["mode"] == "lora":
            language = [p for n, p in m.blocks.named_parameters() if "lora_" in n]
        else:
            language = list(m.embed.parameters()) + list(m.blocks.parameters()) + list(m.norm.parameters())
            if not m.tied:
                language += list(m.head.parameters())
        for p in language + connector:
            p.requires_grad_(True)
        self.trainable = language + connector
        self.optimizer = torch.optim.AdamW(
            [{"params": language, "lr": self.cfg["lr"]}, {"params": connector, "lr": self.cfg["lr_connector"]}],
            lr=self.cfg["lr"], weight_decay=self.cfg["weight_decay"])
        b = read_safetensors(f"{self.folder}/batch.safetensors")
        self.batch = b

    def loss(self):
        b = self.batch
        with torch.no_grad():  # frozen vision tower
            feats = self.model.vision(b["images"])
        hidden = self.model(b["input_ids"], b["attention_mask"], self.model.connector(feats))
        logits = self.model.logits(hidden)
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), b["targets"].reshape(-1), ignore_index=-100)

    def step(self):
        self.optimizer.zero_grad()
        loss = self.loss()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.trainable, self.cfg["clip"])
        self.optimizer.step()
        return loss.item()

    def check(self, k):
        self.setup_training()
        with torch.no_grad():
            l0 = self.loss().item()
        return [l0] + [self.step() for _ in range(k)]

    def train(self, n):
        if self.optimizer is None:
            self.setup_training()
        t0 = time.perf_counter()
        for _ in range(n):
            self.step()
        return time.perf_counter() - t0

    # --- evaluation -----------------------------------------------------------------------------
    def evaluate(self):
        """The straightforward way: fixed batches in item order, left padding, full forward, logits of
        every position, then the option letters' logits at the last position. No ViT feature cache."""
        e = read_safetensors(f"{self.folder}/eval.safetensors")
        lengths, nimg, nopt = e["lengths"].tolist(), e["num_images"].tolist(), e["num_options"].tolist()
        ids_flat, images, letters = e["ids"], e["images"], e["letter_ids"]
        ref = e["cpp_letter_logits"]
        pad = int(self.cfg["pad_id"])
        bs = int(self.cfg["eval_batch"])
        m = self.model
        m.eval()
        id_off = [0]
        img_off = [0]
        for L, n in zip(lengths, nimg):
            id_off.append(id_off[-1] + L)
            img_off.append(img_off[-1] + n)
        max_diff, agree = 0.0, 0
        t0 = time.perf_counter()
        with torch.no_grad():
            for s in range(0, len(lengths), bs):
                idx = range(s, min(s + bs, len(lengths)))
                T = max(lengths[i] for i in idx)
                ids = torch.full((len(idx), T), pad, dtype=torch.long)
                attn = torch.zeros((len(idx), T), dtype=torch.long)
                for r, i in enumerate(idx):
                    ids[r, T - lengths[i]:] = ids_flat[id_off[i]:id_off[i + 1]]
                    attn[r, T - lengths[i]:] = 1
                imgs = images[img_off[idx[0]]:img_off[idx[-1] + 1]]
                hidden = m(ids, attn, m.connector(m.vision(imgs)))
                last = m.logits(hidden)[:, -1, :]
                for r, i in enumerate(idx):
                    v = last[r, letters[:nopt[i]]]
                    max_diff = max(max_diff, (v - ref[i, :nopt[i]]).abs().max().item())
                    agree += int(v.argmax().item() == ref[i, :nopt[i]].argmax().item())
        return time.perf_counter() - t0, max_diff, agree / len(lengths)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker", action="store_true")
    ap.add_argument("--dir", required=True)
    a = ap.parse_args()
    bench = Bench(a.dir)
    print(f"#torch {torch.__version__}, {torch.get_num_threads()} thread(s)", flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == "quit":
            break
        if cmd[0] == "check":
            print("losses " + " ".join(f"{x:.8f}" for x in bench.check(int(cmd[1]))), flush=True)
        elif cmd[0] == "train":
            print(f"time {bench.train(int(cmd[1])):.6f}", flush=True)
        elif cmd[0] == "eval":
            t, d, agree = bench.evaluate()
            print(f"eval {t:.6f} {d:.3e} {agree:.4f}", flush=True)
        else:
            print(f"error unknown command {cmd[0]}", flush=True)


if __name__ == "__main__":
    main()
