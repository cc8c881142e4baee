/** Where the ideas come from: the talk and the papers behind every method and bound. */
export function AboutPanel() {
  return (
    <div className="about" data-testid="about">
      <p>
        Hypersphere Lab accompanies the talk{' '}
        <em>On the Importance of Separation and Labelling on the Hypersphere</em> by Martin
        Lindström, Ragnar Thobaben and Mikael Skoglund (2026). Class prototypes are fixed unit
        vectors, one per class; a network is trained to map each input near its class's prototype,
        so the prototypes should be as far apart as possible: the largest cosine between two of them
        should be small.
      </p>
      <ul className="refs">
        <li>
          M. Lindström, B. Rodríguez-Gálvez, R. Thobaben, M. Skoglund. A coding-theoretic analysis
          of hyperspherical prototypical learning geometry. <em>GRaM workshop 2024</em>, PMLR 251,{' '}
          <a href="https://arxiv.org/abs/2407.07664" target="_blank" rel="noreferrer">
            arXiv:2407.07664
          </a>
          .
        </li>
        <li>
          P. Mettes, E. van der Pol, C. G. M. Snoek. Hyperspherical prototype networks.{' '}
          <em>NeurIPS 2019</em>.
        </li>
        <li>
          T. Kasarla, G. J. Burghouts, M. van Spengler, E. van der Pol, R. Cucchiara, P. Mettes.
          Maximum class separation as inductive bias in one matrix. <em>NeurIPS 2022</em>.
        </li>
        <li>
          V. I. Levenshtein. Designs as maximum codes in polynomial metric spaces.{' '}
          <em>Acta Applicandae Mathematicae</em> 29 (1992); the linear-programming bound on
          spherical codes.
        </li>
        <li>
          R. A. Rankin. The closest packing of spherical caps in n dimensions.{' '}
          <em>Proceedings of the Glasgow Mathematical Association</em> 2 (1955): the simplex and
          orthoplex bounds.
        </li>
        <li>
          E. N. Gilbert (1952), R. R. Varshamov (1957): binary codes with a guaranteed minimum
          distance, the achievable curve.
        </li>
      </ul>
    </div>
  );
}
