// m1_check_first.hpp: the C++ printed from the Coq module Hexproof.Proofs.M1CheckFirst.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.M1CheckFirst.x is C++ hexproof::m1_check_first::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "first_uses.hpp"
#include "m1_check.hpp"
#include "m1_exec.hpp"
#include "m1_lex.hpp"
#include "quirks.hpp"

namespace hexproof::m1_check_first {

struct mres;
struct mscan_first;

// Coq: Hexproof.Proofs.M1CheckFirst.mres
struct mres {
  m1_exec::lex_mode mr_mode{};
  rt::N mr_start{};
  rt::N mr_quote{};
  common::bytes mr_tok{};
  rt::N mr_len{};
  bool mr_ok{};
  rt::list<m1_lex::token> mr_tokens{};
  static mres mk_mres(m1_exec::lex_mode a0, rt::N a1, rt::N a2, common::bytes a3, rt::N a4, bool a5, rt::list<m1_lex::token> a6);
};

// Coq: Hexproof.Proofs.M1CheckFirst.mscan_first
struct mscan_first {
  first_uses::earliest mf_bytes{};
  m1_check::mcheck mf_tokens{};
  first_uses::earliest mf_uses{};
  bool mf_ok{};
  static mscan_first mk_mscan_first(first_uses::earliest a0, m1_check::mcheck a1, first_uses::earliest a2, bool a3);
};

inline mres mres::mk_mres(m1_exec::lex_mode a0, rt::N a1, rt::N a2, common::bytes a3, rt::N a4, bool a5, rt::list<m1_lex::token> a6) { return mres{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6)}; }

inline mscan_first mscan_first::mk_mscan_first(first_uses::earliest a0, m1_check::mcheck a1, first_uses::earliest a2, bool a3) { return mscan_first{std::move(a0), std::move(a1), std::move(a2), std::move(a3)}; }

// Coq: Hexproof.Proofs.M1CheckFirst.word_end (Definition)
inline m1_check_first::mres word_end(const rt::N& file, const rt::N& start, const common::bytes& text, const rt::list<m1_lex::token>& after) {
  bool scrut = rt::has_nul(text);
  if (scrut) {
    return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_between, start, rt::N{0}, rt::list<common::byte>::nil(), rt::N{0}, false, rt::list<m1_lex::token>::nil());
  } else {
    return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_between, start, rt::N{0}, rt::list<common::byte>::nil(), rt::N{0}, true, rt::list<m1_lex::token>::cons(m1_lex::token::Word(text, file, start), after));
  }
}

// Coq: Hexproof.Proofs.M1CheckFirst.mstep (Definition)
inline m1_check_first::mres mstep(const rt::N& file, const rt::N& pos, const m1_exec::lex_mode& mode, const rt::N& start, const rt::N& q, const common::bytes& tok, const rt::N& len, const common::byte& c, const common::bytes& here) {
  switch (mode) {
  case m1_exec::lex_mode::Lm_between: {
    bool scrut = m1_lex::is_comment_start(c);
    if (scrut) {
      return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_comment, start, q, rt::list<common::byte>::nil(), rt::N{0}, true, rt::list<m1_lex::token>::cons(m1_lex::token::Newline(), rt::list<m1_lex::token>::nil()));
    } else {
      bool scrut_1 = m1_lex::is_blank(c);
      if (scrut_1) {
        return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_between, start, q, rt::list<common::byte>::nil(), rt::N{0}, true, rt::list<m1_lex::token>::nil());
      } else {
        bool scrut_2 = rt::n_eqb(c, m1_lex::ch_lf());
        if (scrut_2) {
          return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_between, start, q, rt::list<common::byte>::nil(), rt::N{0}, true, rt::list<m1_lex::token>::cons(m1_lex::token::Newline(), rt::list<m1_lex::token>::nil()));
        } else {
          bool scrut_3 = m1_lex::is_quote(c);
          if (scrut_3) {
            return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_string, pos, c, here, rt::N{1}, true, rt::list<m1_lex::token>::nil());
          } else {
            return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_atom, pos, q, here, rt::N{1}, true, rt::list<m1_lex::token>::nil());
          }
        }
      }
    }
  }
  case m1_exec::lex_mode::Lm_comment: {
    bool scrut_4 = m1_lex::is_comment_end(c);
    if (scrut_4) {
      return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_between, start, q, rt::list<common::byte>::nil(), rt::N{0}, true, rt::list<m1_lex::token>::nil());
    } else {
      return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_comment, start, q, rt::list<common::byte>::nil(), rt::N{0}, true, rt::list<m1_lex::token>::nil());
    }
  }
  case m1_exec::lex_mode::Lm_atom: {
    bool scrut_5 = m1_lex::is_blank(c);
    if (scrut_5) {
      return m1_check_first::word_end(file, start, rt::take_bytes(len, tok), rt::list<m1_lex::token>::nil());
    } else {
      bool scrut_6 = rt::n_eqb(c, m1_lex::ch_lf());
      if (scrut_6) {
        return m1_check_first::word_end(file, start, rt::take_bytes(len, tok), rt::list<m1_lex::token>::cons(m1_lex::token::Newline(), rt::list<m1_lex::token>::nil()));
      } else {
        return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_atom, start, q, tok, rt::n_add(len, rt::N{1}), true, rt::list<m1_lex::token>::nil());
      }
    }
  }
  case m1_exec::lex_mode::Lm_string: {
    bool scrut_7 = rt::n_eqb(c, q);
    if (scrut_7) {
      return m1_check_first::word_end(file, start, rt::take_bytes(len, tok), rt::list<m1_lex::token>::nil());
    } else {
      return m1_check_first::mres::mk_mres(m1_exec::lex_mode::Lm_string, start, q, tok, rt::n_add(len, rt::N{1}), true, rt::list<m1_lex::token>::nil());
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.mstep");
}

// Coq: Hexproof.Proofs.M1CheckFirst.meof_step (Definition)
inline common::result<rt::list<m1_lex::token>> meof_step(const rt::N& file, const m1_exec::lex_mode& mode, const rt::N& start, const common::bytes& tok, const rt::N& len) {
  switch (mode) {
  case m1_exec::lex_mode::Lm_between: {
    return common::result<rt::list<m1_lex::token>>::Ok(rt::list<m1_lex::token>::nil());
  }
  case m1_exec::lex_mode::Lm_comment: {
    return common::result<rt::list<m1_lex::token>>::Ok(rt::list<m1_lex::token>::nil());
  }
  case m1_exec::lex_mode::Lm_atom: {
    rt::list<rt::N> text = rt::take_bytes(len, tok);
    bool scrut = rt::has_nul(text);
    if (scrut) {
      return common::result<rt::list<m1_lex::token>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start));
    } else {
      return common::result<rt::list<m1_lex::token>>::Ok(rt::list<m1_lex::token>::cons(m1_lex::token::Word(std::move(text), file, start), rt::list<m1_lex::token>::nil()));
    }
  }
  case m1_exec::lex_mode::Lm_string: {
    return common::result<rt::list<m1_lex::token>>::Err(m1_lex::lex_error(common::error_kind::unterminated_string, file, start));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.meof_step");
}

// Coq: Hexproof.Proofs.M1CheckFirst.mchar_quirk (Definition)
inline rt::option<quirks::quirk> mchar_quirk(const m1_exec::lex_mode& mode, const common::byte& c) {
  switch (mode) {
  case m1_exec::lex_mode::Lm_between: {
    bool scrut = rt::n_eqb(c, m1_lex::ch_cr());
    if (scrut) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::cr_in_token);
    } else {
      return rt::option<quirks::quirk>::None();
    }
  }
  case m1_exec::lex_mode::Lm_comment: {
    return rt::option<quirks::quirk>::None();
  }
  case m1_exec::lex_mode::Lm_atom: {
    bool scrut_1 = rt::n_eqb(c, m1_lex::ch_cr());
    if (scrut_1) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::cr_in_token);
    } else {
      bool scrut_2 = m1_lex::is_comment_start(c);
      if (scrut_2) {
        return rt::option<quirks::quirk>::Some(quirks::quirk::comment_char_in_token);
      } else {
        return rt::option<quirks::quirk>::None();
      }
    }
  }
  case m1_exec::lex_mode::Lm_string: {
    return rt::option<quirks::quirk>::None();
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.mchar_quirk");
}

// Coq: Hexproof.Proofs.M1CheckFirst.matom_start (Definition)
inline rt::N matom_start(const rt::N& pos, const m1_exec::lex_mode& mode, const rt::N& start) {
  switch (mode) {
  case m1_exec::lex_mode::Lm_between: {
    return pos;
  }
  case m1_exec::lex_mode::Lm_comment: {
    return pos;
  }
  case m1_exec::lex_mode::Lm_atom: {
    return start;
  }
  case m1_exec::lex_mode::Lm_string: {
    return pos;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.matom_start");
}

// Coq: Hexproof.Proofs.M1CheckFirst.mend_use (Definition)
inline rt::list<quirks::quirk_use> mend_use(const rt::N& file, const rt::N& pos, const m1_exec::lex_mode& mode, const bool& w) {
  switch (mode) {
  case m1_exec::lex_mode::Lm_between: {
    if (w) {
      return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
    } else {
      return rt::list<quirks::quirk_use>::nil();
    }
  }
  case m1_exec::lex_mode::Lm_comment: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  }
  case m1_exec::lex_mode::Lm_atom: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  }
  case m1_exec::lex_mode::Lm_string: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.mend_use");
}

// Coq: Hexproof.Proofs.M1CheckFirst.in_token_byte (Definition)
inline bool in_token_byte(const m1_exec::lex_mode& mode, const common::byte& q, const common::byte& c) {
  switch (mode) {
  case m1_exec::lex_mode::Lm_between: {
    return false;
  }
  case m1_exec::lex_mode::Lm_comment: {
    return false;
  }
  case m1_exec::lex_mode::Lm_atom: {
    return rt::andb(rt::negb(m1_lex::is_blank(c)), rt::negb(rt::n_eqb(c, m1_lex::ch_lf())));
  }
  case m1_exec::lex_mode::Lm_string: {
    return rt::negb(rt::n_eqb(c, q));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.in_token_byte");
}

// Coq: Hexproof.Proofs.M1CheckFirst.strip (Definition)
inline m1_check::mcheck strip(const m1_check::mcheck& m) {
  const bool& q = m.mc_quiet;
  const m1_check::dscan& sc = m.mc_scan;
  const byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>& defs = m.mc_defs;
  return m1_check::mcheck::mk_mcheck(q, sc, defs, rt::list<quirks::quirk_use>::nil(), rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.M1CheckFirst.add_token_uses (Definition)
inline first_uses::earliest add_token_uses(const bool& pass, const rt::N& k, const m1_check::mcheck& m, const first_uses::earliest& t) {
  if (pass) {
    return first_uses::add_uses(k, m.mc_uses, first_uses::add_uses(k, m.mc_octal, t));
  } else {
    return first_uses::add_uses(k, m.mc_uses, t);
  }
}

// Coq: Hexproof.Proofs.M1CheckFirst.scan_chars_first (Fixpoint; its self tail calls are the loop)
inline m1_check_first::mscan_first scan_chars_first(bool pass, rt::N k, const common::m1_config& cfg, rt::N file, rt::N pos, m1_exec::lex_mode mode, rt::N start, rt::N q, common::bytes tok, rt::N len, bool w, common::bytes s, first_uses::earliest a, m1_check::mcheck m, first_uses::earliest t) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      first_uses::earliest a_{};
      if (pass) {
        a_ = a;
      } else {
        a_ = first_uses::add_uses(k, m1_check_first::mend_use(file, pos, mode, w), a);
      }
      common::result<rt::list<m1_lex::token>> scrut = m1_check_first::meof_step(file, mode, start, tok, len);
      switch (scrut.tag()) {
      case common::result<rt::list<m1_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::list<m1_lex::token>& ts = Ok_fields.f0;
        m1_check::mcheck m_ = m1_check::see_raw(pass, cfg, m1_check::see_raws(pass, cfg, m, ts), m1_lex::token::Newline());
        return m1_check_first::mscan_first::mk_mscan_first(std::move(a_), m1_check_first::strip(m_), m1_check_first::add_token_uses(pass, k, m_, t), true);
      }
      case common::result<rt::list<m1_lex::token>>::tag_t::Err: {
        return m1_check_first::mscan_first::mk_mscan_first(std::move(a_), std::move(m), std::move(t), false);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.scan_chars_first");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& s_ = cons_fields.f1;
      first_uses::earliest a__1{};
      if (pass) {
        a__1 = a;
      } else {
        rt::option<quirks::quirk> scrut_1 = m1_check_first::mchar_quirk(mode, c);
        switch (scrut_1.tag()) {
        case rt::option<quirks::quirk>::tag_t::Some: {
          const auto& Some_fields = scrut_1.as_Some();
          const quirks::quirk& kq = Some_fields.f0;
          a__1 = first_uses::add_use(k, quirks::quirk_use::mk_use(kq, file, pos, rt::list<common::byte>::nil(), file, m1_check_first::matom_start(pos, mode, start), rt::Z{0}), a);
          break;
        }
        case rt::option<quirks::quirk>::tag_t::None: {
          a__1 = a;
          break;
        }
        }
      }
      bool scrut_2 = m1_check_first::in_token_byte(mode, q, c);
      if (scrut_2) {
        rt::N next_pos = rt::n_add(pos, rt::N{1});
        rt::N next_len = rt::n_add(len, rt::N{1});
        common::bytes next_s = std::move(s_);
        first_uses::earliest next_a = std::move(a__1);
        pos = std::move(next_pos);
        len = std::move(next_len);
        s = std::move(next_s);
        a = std::move(next_a);
        continue;
      } else {
        m1_check_first::mres scrut_3 = m1_check_first::mstep(file, pos, mode, start, q, tok, len, c, s);
        m1_exec::lex_mode& mode_ = scrut_3.mr_mode;
        rt::N& start_ = scrut_3.mr_start;
        rt::N& q_ = scrut_3.mr_quote;
        common::bytes& tok_ = scrut_3.mr_tok;
        rt::N& len_ = scrut_3.mr_len;
        bool& ok = scrut_3.mr_ok;
        rt::list<m1_lex::token>& ts_1 = scrut_3.mr_tokens;
        if (ok) {
          switch (ts_1.tag()) {
          case rt::list<m1_lex::token>::tag_t::nil: {
            rt::N next_pos_1 = rt::n_add(pos, rt::N{1});
            m1_exec::lex_mode next_mode = mode_;
            rt::N next_start = start_;
            rt::N next_q = q_;
            common::bytes next_tok = std::move(tok_);
            rt::N next_len_1 = len_;
            common::bytes next_s_1 = std::move(s_);
            first_uses::earliest next_a_1 = std::move(a__1);
            pos = std::move(next_pos_1);
            mode = std::move(next_mode);
            start = std::move(next_start);
            q = std::move(next_q);
            tok = std::move(next_tok);
            len = std::move(next_len_1);
            s = std::move(next_s_1);
            a = std::move(next_a_1);
            continue;
          }
          case rt::list<m1_lex::token>::tag_t::cons: {
            m1_check::mcheck m__1 = m1_check::see_raws(pass, cfg, m, ts_1);
            rt::N next_pos_2 = rt::n_add(pos, rt::N{1});
            m1_exec::lex_mode next_mode_1 = mode_;
            rt::N next_start_1 = start_;
            rt::N next_q_1 = q_;
            common::bytes next_tok_1 = std::move(tok_);
            rt::N next_len_2 = len_;
            bool next_w = m1_lex::last_is_word(ts_1, w);
            common::bytes next_s_2 = std::move(s_);
            first_uses::earliest next_a_2 = std::move(a__1);
            m1_check::mcheck next_m = m1_check_first::strip(m__1);
            first_uses::earliest next_t = m1_check_first::add_token_uses(pass, k, m__1, t);
            pos = std::move(next_pos_2);
            mode = std::move(next_mode_1);
            start = std::move(next_start_1);
            q = std::move(next_q_1);
            tok = std::move(next_tok_1);
            len = std::move(next_len_2);
            w = std::move(next_w);
            s = std::move(next_s_2);
            a = std::move(next_a_2);
            m = std::move(next_m);
            t = std::move(next_t);
            continue;
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.scan_chars_first");
        } else {
          return m1_check_first::mscan_first::mk_mscan_first(std::move(a__1), std::move(m), std::move(t), false);
        }
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.scan_chars_first");
  }
}

// Coq: Hexproof.Proofs.M1CheckFirst.scan_inputs_first (Fixpoint; its self tail calls are the loop)
inline m1_check_first::mscan_first scan_inputs_first(bool pass, rt::N k, const common::m1_config& cfg, rt::N file, const rt::list<common::bytes>& inputs_in, first_uses::earliest a, m1_check::mcheck m, first_uses::earliest t, bool ok) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return m1_check_first::mscan_first::mk_mscan_first(std::move(a), std::move(m), std::move(t), ok);
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& f = cons_fields.f0;
      const rt::list<common::bytes>& fs = cons_fields.f1;
      m1_check_first::mscan_first scrut = m1_check_first::scan_chars_first(pass, k, cfg, file, rt::N{0}, m1_exec::lex_mode::Lm_between, rt::N{0}, rt::N{0}, rt::list<common::byte>::nil(), rt::N{0}, false, f, a, m, t);
      first_uses::earliest& a_ = scrut.mf_bytes;
      m1_check::mcheck& m_ = scrut.mf_tokens;
      first_uses::earliest& t_ = scrut.mf_uses;
      bool& ok_ = scrut.mf_ok;
      rt::N next_file = rt::n_add(file, rt::N{1});
      const rt::list<common::bytes>* next_inputs = &fs;
      first_uses::earliest next_a = std::move(a_);
      m1_check::mcheck next_m = std::move(m_);
      first_uses::earliest next_t = std::move(t_);
      bool next_ok = rt::andb(ok, ok_);
      file = std::move(next_file);
      inputs = std::move(next_inputs);
      a = std::move(next_a);
      m = std::move(next_m);
      t = std::move(next_t);
      ok = std::move(next_ok);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1CheckFirst.scan_inputs_first");
  }
}

// Coq: Hexproof.Proofs.M1CheckFirst.check_first (Definition)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> check_first(const rt::N& k, const common::m1_config& cfg, const rt::list<common::bytes>& inputs) {
  m1_check_first::mscan_first scrut = m1_check_first::scan_inputs_first(false, k, cfg, rt::N{0}, inputs, first_uses::earliest_empty(), m1_check::mc_start(byte_map::empty<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>()), first_uses::earliest_empty(), true);
  first_uses::earliest& a = scrut.mf_bytes;
  m1_check::mcheck& mA = scrut.mf_tokens;
  first_uses::earliest& tA = scrut.mf_uses;
  bool& okA = scrut.mf_ok;
  if (okA) {
    m1_check_first::mscan_first scrut_1 = m1_check_first::scan_inputs_first(true, k, cfg, rt::N{0}, inputs, first_uses::earliest_empty(), m1_check::mc_start(mA.mc_defs), tA, true);
    m1_check::mcheck& mB = scrut_1.mf_tokens;
    first_uses::earliest& tB = scrut_1.mf_uses;
    bool scrut_2 = m1_check::outside_define(mB.mc_scan);
    if (scrut_2) {
      return first_uses::earliest_result(first_uses::merge_earliest(k, tB, a));
    } else {
      return first_uses::earliest_result(a);
    }
  } else {
    return first_uses::earliest_result(a);
  }
}

}  // namespace hexproof::m1_check_first
