import { useParams } from 'react-router';

/** Stub: replaced by the real "Mon trimestre". */
export function QuarterHomePage({ pole }: { pole: string }) {
  return <h1>Mon trimestre {pole}</h1>;
}

export function QuarterHomeRoute() {
  const { pole } = useParams();
  return <QuarterHomePage pole={pole!} />;
}
