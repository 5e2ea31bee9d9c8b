// hex2_check_first.hpp: the C++ printed from the Coq module Hexproof.Proofs.Hex2CheckFirst.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.Hex2CheckFirst.x is C++ hexproof::hex2_check_first::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "first_uses.hpp"
#include "hex2_check.hpp"
#include "hex2_exec.hpp"
#include "hex2_lex.hpp"
#include "quirks.hpp"

namespace hexproof::hex2_check_first {

struct words;
struct tokens;
struct hscan_first;

// Coq: Hexproof.Proofs.Hex2CheckFirst.words
struct words {
  first_uses::earliest wd_0{};
  first_uses::earliest wd_1{};
  first_uses::earliest wd_2{};
  first_uses::earliest wd_3{};
  static words mk_words(first_uses::earliest a0, first_uses::earliest a1, first_uses::earliest a2, first_uses::earliest a3);
};

// Coq: Hexproof.Proofs.Hex2CheckFirst.tokens
struct tokens {
  hex2_check::hcheck tk_state{};
  hex2_check_first::words tk_words{};
  first_uses::earliest tk_uses{};
  static tokens mk_tokens(hex2_check::hcheck a0, hex2_check_first::words a1, first_uses::earliest a2);
};

// Coq: Hexproof.Proofs.Hex2CheckFirst.hscan_first
struct hscan_first {
  first_uses::earliest hf_bytes{};
  hex2_check_first::tokens hf_tokens{};
  bool hf_ok{};
  static hscan_first mk_hscan_first(first_uses::earliest a0, hex2_check_first::tokens a1, bool a2);
};

inline words words::mk_words(first_uses::earliest a0, first_uses::earliest a1, first_uses::earliest a2, first_uses::earliest a3) { return words{std::move(a0), std::move(a1), std::move(a2), std::move(a3)}; }

inline tokens tokens::mk_tokens(hex2_check::hcheck a0, hex2_check_first::words a1, first_uses::earliest a2) { return tokens{std::move(a0), std::move(a1), std::move(a2)}; }

inline hscan_first hscan_first::mk_hscan_first(first_uses::earliest a0, hex2_check_first::tokens a1, bool a2) { return hscan_first{std::move(a0), std::move(a1), std::move(a2)}; }

// Coq: Hexproof.Proofs.Hex2CheckFirst.cbyte_quirk (Definition)
inline rt::option<quirks::quirk> cbyte_quirk(const common::hex2_config& cfg, const hex2_exec::cst& s, const rt::N& count, const rt::N& c) {
  rt::option<quirks::quirk> in_name{};
  bool scrut = rt::n_eqb(c, hex2_lex::ch_cr());
  if (scrut) {
    in_name = rt::option<quirks::quirk>::Some(quirks::quirk::cr_in_token);
  } else {
    bool scrut_1 = hex2_lex::starts_comment(c);
    if (scrut_1) {
      in_name = rt::option<quirks::quirk>::Some(quirks::quirk::comment_char_in_token);
    } else {
      in_name = rt::option<quirks::quirk>::None();
    }
  }
  hex2_exec::cmode scrut_2 = s.cs_mode;
  switch (scrut_2) {
  case hex2_exec::cmode::cm_data: {
    bool scrut_3 = rt::n_ltb(rt::N{0}, count);
    if (scrut_3) {
      rt::option<rt::N> scrut_4 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
      switch (scrut_4.tag()) {
      case rt::option<rt::N>::tag_t::Some: {
        return rt::option<quirks::quirk>::None();
      }
      case rt::option<rt::N>::tag_t::None: {
        return rt::option<quirks::quirk>::Some(quirks::quirk::split_byte);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.cbyte_quirk");
    } else {
      return rt::option<quirks::quirk>::None();
    }
  }
  case hex2_exec::cmode::cm_comment: {
    return rt::option<quirks::quirk>::None();
  }
  case hex2_exec::cmode::cm_word: {
    bool scrut_5 = rt::n_ltb(rt::N{0}, count);
    if (scrut_5) {
      rt::option<rt::N> scrut_6 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
      switch (scrut_6.tag()) {
      case rt::option<rt::N>::tag_t::Some: {
        return rt::option<quirks::quirk>::None();
      }
      case rt::option<rt::N>::tag_t::None: {
        return rt::option<quirks::quirk>::Some(quirks::quirk::split_byte);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.cbyte_quirk");
    } else {
      return rt::option<quirks::quirk>::None();
    }
  }
  case hex2_exec::cmode::cm_word_comment: {
    return rt::option<quirks::quirk>::None();
  }
  case hex2_exec::cmode::cm_label: {
    bool scrut_7 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_7) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::misplaced_base);
    } else {
      return in_name;
    }
  }
  case hex2_exec::cmode::cm_ref: {
    return in_name;
  }
  case hex2_exec::cmode::cm_wref: {
    bool scrut_8 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_8) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::misplaced_base);
    } else {
      return in_name;
    }
  }
  case hex2_exec::cmode::cm_base: {
    bool scrut_9 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_9) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::misplaced_base);
    } else {
      return in_name;
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.cbyte_quirk");
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.cname_start (Definition)
inline rt::N cname_start(const rt::N& off, const hex2_exec::cst& s) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return off;
  }
  case hex2_exec::cmode::cm_comment: {
    return off;
  }
  case hex2_exec::cmode::cm_word: {
    return off;
  }
  case hex2_exec::cmode::cm_word_comment: {
    return off;
  }
  case hex2_exec::cmode::cm_label: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_ref: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_wref: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_base: {
    return s.cs_pos;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.cname_start");
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.ctoken_offset (Definition)
inline rt::N ctoken_offset(const hex2_exec::cst& s, const rt::N& off) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return off;
  }
  case hex2_exec::cmode::cm_comment: {
    return off;
  }
  case hex2_exec::cmode::cm_word: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_word_comment: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_label: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_ref: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_wref: {
    return s.cs_pos;
  }
  case hex2_exec::cmode::cm_base: {
    return s.cs_pos;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.ctoken_offset");
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.cend_uses (Definition)
inline rt::list<quirks::quirk_use> cend_uses(const rt::N& file, const rt::N& off, const hex2_exec::cst& s, const rt::N& count) {
  rt::list<quirks::quirk_use> nibble{};
  bool scrut = rt::n_ltb(rt::N{0}, count);
  if (scrut) {
    nibble = rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::nibble_across_files, file, off, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  } else {
    nibble = rt::list<quirks::quirk_use>::nil();
  }
  hex2_exec::cmode scrut_1 = s.cs_mode;
  switch (scrut_1) {
  case hex2_exec::cmode::cm_data: {
    return nibble;
  }
  case hex2_exec::cmode::cm_comment: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  case hex2_exec::cmode::cm_word: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  case hex2_exec::cmode::cm_word_comment: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  case hex2_exec::cmode::cm_label: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  case hex2_exec::cmode::cm_ref: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  case hex2_exec::cmode::cm_wref: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  case hex2_exec::cmode::cm_base: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(nibble));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.cend_uses");
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.strip (Definition)
inline hex2_check::hcheck strip(const hex2_check::hcheck& h) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const bool& al = h.hc_align;
  return hex2_check::hcheck::mk_hcheck(m, al, rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.words_empty (Definition)
inline hex2_check_first::words words_empty() {
  return hex2_check_first::words::mk_words(first_uses::earliest_empty(), first_uses::earliest_empty(), first_uses::earliest_empty(), first_uses::earliest_empty());
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.words_byte (Definition)
inline hex2_check_first::words words_byte(const hex2_check_first::words& w) {
  const first_uses::earliest& w0 = w.wd_0;
  const first_uses::earliest& w1 = w.wd_1;
  const first_uses::earliest& w2 = w.wd_2;
  return hex2_check_first::words::mk_words(first_uses::earliest_empty(), w0, w1, w2);
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.words_add (Definition)
inline hex2_check_first::words words_add(const rt::N& k, const rt::N& file, const rt::N& off, const common::bytes& subject, const hex2_check_first::words& w) {
  const first_uses::earliest& w0 = w.wd_0;
  const first_uses::earliest& w1 = w.wd_1;
  const first_uses::earliest& w2 = w.wd_2;
  const first_uses::earliest& w3 = w.wd_3;
  return hex2_check_first::words::mk_words(first_uses::add_use(k, quirks::plain_use(quirks::quirk::register_across_files, file, off, subject), w0), w1, w2, w3);
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.tokens_init (Definition)
inline hex2_check_first::tokens tokens_init() {
  return hex2_check_first::tokens::mk_tokens(hex2_check::hc_init(), hex2_check_first::words_empty(), first_uses::earliest_empty());
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.see_token_first (Definition)
inline hex2_check_first::tokens see_token_first(const rt::N& k, const common::hex2_config& cfg, const hex2_check::hcheck& h, const hex2_check_first::words& w, const first_uses::earliest& f, const rt::N& file, const rt::N& off, const hex2_lex::token& t) {
  switch (t.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    return hex2_check_first::tokens::mk_tokens(h, hex2_check_first::words_byte(w), f);
  }
  case hex2_lex::token::tag_t::tok_word: {
    return hex2_check_first::tokens::mk_tokens(h, hex2_check_first::words_add(k, file, off, rt::list<common::byte>::nil(), w), f);
  }
  case hex2_lex::token::tag_t::tok_label: {
    hex2_check::hcheck h_ = hex2_check::see_token(cfg, h, file, off, t);
    return hex2_check_first::tokens::mk_tokens(hex2_check_first::strip(h_), w, first_uses::add_uses(k, h_.hc_uses, f));
  }
  case hex2_lex::token::tag_t::tok_ref: {
    hex2_check::hcheck h__1 = hex2_check::see_token(cfg, h, file, off, t);
    return hex2_check_first::tokens::mk_tokens(hex2_check_first::strip(h__1), w, first_uses::add_uses(k, h__1.hc_uses, f));
  }
  case hex2_lex::token::tag_t::tok_wref: {
    const auto& tok_wref_fields = t.as_tok_wref();
    const common::bytes& n = tok_wref_fields.f3;
    return hex2_check_first::tokens::mk_tokens(hex2_check::with_align(h, false), hex2_check_first::words_add(k, file, off, n, w), f);
  }
  case hex2_lex::token::tag_t::tok_pad: {
    hex2_check::hcheck h__2 = hex2_check::see_token(cfg, h, file, off, t);
    return hex2_check_first::tokens::mk_tokens(hex2_check_first::strip(h__2), w, first_uses::add_uses(k, h__2.hc_uses, f));
  }
  case hex2_lex::token::tag_t::tok_align: {
    hex2_check::hcheck h__3 = hex2_check::see_token(cfg, h, file, off, t);
    return hex2_check_first::tokens::mk_tokens(hex2_check_first::strip(h__3), w, first_uses::add_uses(k, h__3.hc_uses, f));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.see_token_first");
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.end_of_file_first (Definition)
inline hex2_check_first::tokens end_of_file_first(const rt::N& k, const hex2_check_first::tokens& tk) {
  const hex2_check::hcheck& h = tk.tk_state;
  const hex2_check_first::words& tk_words = tk.tk_words;
  const first_uses::earliest& f = tk.tk_uses;
  const first_uses::earliest& w0 = tk_words.wd_0;
  const first_uses::earliest& w1 = tk_words.wd_1;
  const first_uses::earliest& w2 = tk_words.wd_2;
  const first_uses::earliest& w3 = tk_words.wd_3;
  return hex2_check_first::tokens::mk_tokens(h, hex2_check_first::words_empty(), first_uses::merge_earliest(k, w3, first_uses::merge_earliest(k, w2, first_uses::merge_earliest(k, w1, first_uses::merge_earliest(k, w0, f)))));
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first (Fixpoint; its self tail calls are the loop)
inline hex2_check_first::hscan_first scan_bytes_first(rt::N k, const common::hex2_config& cfg, rt::N file, rt::N off, hex2_exec::cst s, rt::N count, rt::N hold, rt::N len, common::bytes bs, first_uses::earliest a, hex2_check::hcheck h, hex2_check_first::words w, first_uses::earliest f) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      first_uses::earliest a_ = first_uses::add_uses(k, hex2_check_first::cend_uses(file, off, s, count), a);
      common::result<rt::option<hex2_lex::token>> scrut = hex2_exec::cfinish(file, s, len);
      switch (scrut.tag()) {
      case common::result<rt::option<hex2_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::option<hex2_lex::token>& o = Ok_fields.f0;
        switch (o.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields = o.as_Some();
          const hex2_lex::token& t = Some_fields.f0;
          return hex2_check_first::hscan_first::mk_hscan_first(std::move(a_), hex2_check_first::see_token_first(k, cfg, h, w, f, file, hex2_check_first::ctoken_offset(s, off), t), true);
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          return hex2_check_first::hscan_first::mk_hscan_first(std::move(a_), hex2_check_first::tokens::mk_tokens(std::move(h), std::move(w), std::move(f)), true);
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        return hex2_check_first::hscan_first::mk_hscan_first(std::move(a_), hex2_check_first::tokens::mk_tokens(std::move(h), std::move(w), std::move(f)), false);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = bs.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& bs_ = cons_fields.f1;
      first_uses::earliest a__1{};
      rt::option<quirks::quirk> scrut_1 = hex2_check_first::cbyte_quirk(cfg, s, count, c);
      switch (scrut_1.tag()) {
      case rt::option<quirks::quirk>::tag_t::Some: {
        const auto& Some_fields_1 = scrut_1.as_Some();
        const quirks::quirk& q = Some_fields_1.f0;
        a__1 = first_uses::add_use(k, quirks::quirk_use::mk_use(q, file, off, rt::list<common::byte>::nil(), file, hex2_check_first::cname_start(off, s), rt::Z{0}), a);
        break;
      }
      case rt::option<quirks::quirk>::tag_t::None: {
        a__1 = a;
        break;
      }
      }
      bool scrut_2 = hex2_exec::is_data(s);
      if (scrut_2) {
        rt::option<rt::N> scrut_3 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
        switch (scrut_3.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields_2 = scrut_3.as_Some();
          const rt::N& d = Some_fields_2.f0;
          common::byte_mode md = cfg.h2_byte_mode;
          bool scrut_4 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(md));
          if (scrut_4) {
            rt::N next_off = rt::n_add(off, rt::N{1});
            rt::N next_count = rt::N{0};
            rt::N next_hold = rt::N{0};
            common::bytes next_bs = std::move(bs_);
            first_uses::earliest next_a = std::move(a__1);
            hex2_check_first::words next_w = hex2_check_first::words_byte(w);
            off = std::move(next_off);
            count = std::move(next_count);
            hold = std::move(next_hold);
            bs = std::move(next_bs);
            a = std::move(next_a);
            w = std::move(next_w);
            continue;
          } else {
            rt::N next_off_1 = rt::n_add(off, rt::N{1});
            rt::N next_count_1 = rt::n_add(count, rt::N{1});
            rt::N next_hold_1 = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(md)), d);
            common::bytes next_bs_1 = std::move(bs_);
            first_uses::earliest next_a_1 = std::move(a__1);
            off = std::move(next_off_1);
            count = std::move(next_count_1);
            hold = std::move(next_hold_1);
            bs = std::move(next_bs_1);
            a = std::move(next_a_1);
            continue;
          }
        }
        case rt::option<rt::N>::tag_t::None: {
          bool scrut_5 = hex2_exec::blank(c);
          if (scrut_5) {
            rt::N next_off_2 = rt::n_add(off, rt::N{1});
            common::bytes next_bs_2 = std::move(bs_);
            first_uses::earliest next_a_2 = std::move(a__1);
            off = std::move(next_off_2);
            bs = std::move(next_bs_2);
            a = std::move(next_a_2);
            continue;
          } else {
            hex2_exec::cres scrut_6 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s_ = scrut_6.cr_state;
            rt::N& n = scrut_6.cr_count;
            rt::N& hd = scrut_6.cr_hold;
            rt::N& ln = scrut_6.cr_len;
            hex2_exec::cev& ev = scrut_6.cr_ev;
            hex2_lex::token& t_1 = scrut_6.cr_tok;
            switch (ev) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_3 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s = std::move(s_);
              rt::N next_count_2 = n;
              rt::N next_hold_2 = hd;
              rt::N next_len = ln;
              common::bytes next_bs_3 = std::move(bs_);
              first_uses::earliest next_a_3 = std::move(a__1);
              off = std::move(next_off_3);
              s = std::move(next_s);
              count = std::move(next_count_2);
              hold = std::move(next_hold_2);
              len = std::move(next_len);
              bs = std::move(next_bs_3);
              a = std::move(next_a_3);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::N next_off_4 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_1 = std::move(s_);
              rt::N next_count_3 = n;
              rt::N next_hold_3 = hd;
              rt::N next_len_1 = ln;
              common::bytes next_bs_4 = std::move(bs_);
              first_uses::earliest next_a_4 = std::move(a__1);
              hex2_check_first::words next_w_1 = hex2_check_first::words_byte(w);
              off = std::move(next_off_4);
              s = std::move(next_s_1);
              count = std::move(next_count_3);
              hold = std::move(next_hold_3);
              len = std::move(next_len_1);
              bs = std::move(next_bs_4);
              a = std::move(next_a_4);
              w = std::move(next_w_1);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              rt::N next_off_5 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_2 = std::move(s_);
              rt::N next_count_4 = n;
              rt::N next_hold_4 = hd;
              rt::N next_len_2 = ln;
              common::bytes next_bs_5 = std::move(bs_);
              first_uses::earliest next_a_5 = std::move(a__1);
              hex2_check_first::words next_w_2 = hex2_check_first::words_add(k, file, hex2_check_first::ctoken_offset(s, off), rt::list<common::byte>::nil(), w);
              off = std::move(next_off_5);
              s = std::move(next_s_2);
              count = std::move(next_count_4);
              hold = std::move(next_hold_4);
              len = std::move(next_len_2);
              bs = std::move(next_bs_5);
              a = std::move(next_a_5);
              w = std::move(next_w_2);
              continue;
            }
            case hex2_exec::cev::ev_tok: {
              hex2_check_first::tokens scrut_7 = hex2_check_first::see_token_first(k, cfg, h, w, f, file, hex2_check_first::ctoken_offset(s, off), t_1);
              hex2_check::hcheck& h_ = scrut_7.tk_state;
              hex2_check_first::words& w_ = scrut_7.tk_words;
              first_uses::earliest& f_ = scrut_7.tk_uses;
              rt::N next_off_6 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_3 = std::move(s_);
              rt::N next_count_5 = n;
              rt::N next_hold_5 = hd;
              rt::N next_len_3 = ln;
              common::bytes next_bs_6 = std::move(bs_);
              first_uses::earliest next_a_6 = std::move(a__1);
              hex2_check::hcheck next_h = std::move(h_);
              hex2_check_first::words next_w_3 = std::move(w_);
              first_uses::earliest next_f = std::move(f_);
              off = std::move(next_off_6);
              s = std::move(next_s_3);
              count = std::move(next_count_5);
              hold = std::move(next_hold_5);
              len = std::move(next_len_3);
              bs = std::move(next_bs_6);
              a = std::move(next_a_6);
              h = std::move(next_h);
              w = std::move(next_w_3);
              f = std::move(next_f);
              continue;
            }
            case hex2_exec::cev::ev_nul: {
              return hex2_check_first::hscan_first::mk_hscan_first(std::move(a__1), hex2_check_first::tokens::mk_tokens(std::move(h), std::move(w), std::move(f)), false);
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
          }
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
      } else {
        bool scrut_8 = hex2_exec::name_byte(s, c);
        if (scrut_8) {
          rt::N next_off_7 = rt::n_add(off, rt::N{1});
          rt::N next_len_4 = rt::n_add(len, rt::N{1});
          common::bytes next_bs_7 = std::move(bs_);
          first_uses::earliest next_a_7 = std::move(a__1);
          off = std::move(next_off_7);
          len = std::move(next_len_4);
          bs = std::move(next_bs_7);
          a = std::move(next_a_7);
          continue;
        } else {
          hex2_exec::cres scrut_9 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
          hex2_exec::cst& s__1 = scrut_9.cr_state;
          rt::N& n_1 = scrut_9.cr_count;
          rt::N& hd_1 = scrut_9.cr_hold;
          rt::N& ln_1 = scrut_9.cr_len;
          hex2_exec::cev& ev_1 = scrut_9.cr_ev;
          hex2_lex::token& t_2 = scrut_9.cr_tok;
          switch (ev_1) {
          case hex2_exec::cev::ev_none: {
            rt::N next_off_8 = rt::n_add(off, rt::N{1});
            hex2_exec::cst next_s_4 = std::move(s__1);
            rt::N next_count_6 = n_1;
            rt::N next_hold_6 = hd_1;
            rt::N next_len_5 = ln_1;
            common::bytes next_bs_8 = std::move(bs_);
            first_uses::earliest next_a_8 = std::move(a__1);
            off = std::move(next_off_8);
            s = std::move(next_s_4);
            count = std::move(next_count_6);
            hold = std::move(next_hold_6);
            len = std::move(next_len_5);
            bs = std::move(next_bs_8);
            a = std::move(next_a_8);
            continue;
          }
          case hex2_exec::cev::ev_byte: {
            rt::N next_off_9 = rt::n_add(off, rt::N{1});
            hex2_exec::cst next_s_5 = std::move(s__1);
            rt::N next_count_7 = n_1;
            rt::N next_hold_7 = hd_1;
            rt::N next_len_6 = ln_1;
            common::bytes next_bs_9 = std::move(bs_);
            first_uses::earliest next_a_9 = std::move(a__1);
            hex2_check_first::words next_w_4 = hex2_check_first::words_byte(w);
            off = std::move(next_off_9);
            s = std::move(next_s_5);
            count = std::move(next_count_7);
            hold = std::move(next_hold_7);
            len = std::move(next_len_6);
            bs = std::move(next_bs_9);
            a = std::move(next_a_9);
            w = std::move(next_w_4);
            continue;
          }
          case hex2_exec::cev::ev_word: {
            rt::N next_off_10 = rt::n_add(off, rt::N{1});
            hex2_exec::cst next_s_6 = std::move(s__1);
            rt::N next_count_8 = n_1;
            rt::N next_hold_8 = hd_1;
            rt::N next_len_7 = ln_1;
            common::bytes next_bs_10 = std::move(bs_);
            first_uses::earliest next_a_10 = std::move(a__1);
            hex2_check_first::words next_w_5 = hex2_check_first::words_add(k, file, hex2_check_first::ctoken_offset(s, off), rt::list<common::byte>::nil(), w);
            off = std::move(next_off_10);
            s = std::move(next_s_6);
            count = std::move(next_count_8);
            hold = std::move(next_hold_8);
            len = std::move(next_len_7);
            bs = std::move(next_bs_10);
            a = std::move(next_a_10);
            w = std::move(next_w_5);
            continue;
          }
          case hex2_exec::cev::ev_tok: {
            hex2_check_first::tokens scrut_10 = hex2_check_first::see_token_first(k, cfg, h, w, f, file, hex2_check_first::ctoken_offset(s, off), t_2);
            hex2_check::hcheck& h__1 = scrut_10.tk_state;
            hex2_check_first::words& w__1 = scrut_10.tk_words;
            first_uses::earliest& f__1 = scrut_10.tk_uses;
            rt::N next_off_11 = rt::n_add(off, rt::N{1});
            hex2_exec::cst next_s_7 = std::move(s__1);
            rt::N next_count_9 = n_1;
            rt::N next_hold_9 = hd_1;
            rt::N next_len_8 = ln_1;
            common::bytes next_bs_11 = std::move(bs_);
            first_uses::earliest next_a_11 = std::move(a__1);
            hex2_check::hcheck next_h_1 = std::move(h__1);
            hex2_check_first::words next_w_6 = std::move(w__1);
            first_uses::earliest next_f_1 = std::move(f__1);
            off = std::move(next_off_11);
            s = std::move(next_s_7);
            count = std::move(next_count_9);
            hold = std::move(next_hold_9);
            len = std::move(next_len_8);
            bs = std::move(next_bs_11);
            a = std::move(next_a_11);
            h = std::move(next_h_1);
            w = std::move(next_w_6);
            f = std::move(next_f_1);
            continue;
          }
          case hex2_exec::cev::ev_nul: {
            return hex2_check_first::hscan_first::mk_hscan_first(std::move(a__1), hex2_check_first::tokens::mk_tokens(std::move(h), std::move(w), std::move(f)), false);
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
        }
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
  }
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.scan_files_first (Fixpoint; its self tail calls are the loop)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> scan_files_first(rt::N k, const common::hex2_config& cfg, rt::N file, const rt::list<common::bytes>& inputs_in, first_uses::earliest a, hex2_check_first::tokens tk, bool ok) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      if (ok) {
        return first_uses::earliest_result(first_uses::merge_earliest(k, tk.tk_uses, a));
      } else {
        return first_uses::earliest_result(a);
      }
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      hex2_check::hcheck& h = tk.tk_state;
      hex2_check_first::words& w = tk.tk_words;
      first_uses::earliest& f = tk.tk_uses;
      hex2_check_first::hscan_first scrut = hex2_check_first::scan_bytes_first(k, cfg, file, rt::N{0}, hex2_exec::cinit(), rt::N{0}, rt::N{0}, rt::N{0}, bs, a, h, w, f);
      first_uses::earliest& a_ = scrut.hf_bytes;
      hex2_check_first::tokens& tk_ = scrut.hf_tokens;
      bool& ok_ = scrut.hf_ok;
      switch (rest.tag()) {
      case rt::list<common::bytes>::tag_t::nil: {
        rt::N next_file = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs = &rest;
        first_uses::earliest next_a = std::move(a_);
        hex2_check_first::tokens next_tk = std::move(tk_);
        bool next_ok = rt::andb(ok, ok_);
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        a = std::move(next_a);
        tk = std::move(next_tk);
        ok = std::move(next_ok);
        continue;
      }
      case rt::list<common::bytes>::tag_t::cons: {
        rt::N next_file_1 = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs_1 = &rest;
        first_uses::earliest next_a_1 = std::move(a_);
        hex2_check_first::tokens next_tk_1 = hex2_check_first::end_of_file_first(k, tk_);
        bool next_ok_1 = rt::andb(ok, ok_);
        file = std::move(next_file_1);
        inputs = std::move(next_inputs_1);
        a = std::move(next_a_1);
        tk = std::move(next_tk_1);
        ok = std::move(next_ok_1);
        continue;
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_files_first");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_files_first");
  }
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.check_first (Definition)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> check_first(const rt::N& k, const common::hex2_config& cfg, const rt::list<common::bytes>& inputs) {
  return hex2_check_first::scan_files_first(k, cfg, rt::N{0}, inputs, first_uses::earliest_empty(), hex2_check_first::tokens_init(), true);
}

}  // namespace hexproof::hex2_check_first
